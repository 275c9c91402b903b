import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs work that recurses as deep as a page nests (the accessible-name computation follows the
/// tree, as its definition does) on a thread whose stack is sized for it. Cooperative-pool and
/// main threads have a few megabytes; a page nested a couple of thousand levels deep needs more,
/// and running out of stack kills the whole process, not one rule.
public enum LargeStack {
    /// Virtual size: only the pages actually touched are committed.
    public static let bytes = 512 << 20

    public static func run<Result>(_ body: () -> Result) -> Result {
        withoutActuallyEscaping(body) { body in
            let box = Box(body)
            let retained = Unmanaged.passRetained(box as AnyObject)
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            var thread = pthread_t()
            let started =
                pthread_attr_setstacksize(&attributes, bytes) == 0
                && pthread_create(
                    &thread, &attributes,
                    { argument in
                        guard let argument else { return nil }
                        let box = Unmanaged<AnyObject>.fromOpaque(argument).takeRetainedValue()
                        (box as? Runnable)?.runBody()
                        return nil
                    }, retained.toOpaque()) == 0
            guard started else {
                // No thread (address space or limits): run here, with the stack there is.
                retained.release()
                box.runBody()
                return box.result ?? body()
            }
            pthread_join(thread, nil)
            return box.result ?? body()
        }
    }

    private protocol Runnable: AnyObject { func runBody() }

    private final class Box<Value>: Runnable, @unchecked Sendable {
        let body: () -> Value
        var result: Value?
        init(_ body: @escaping () -> Value) { self.body = body }
        func runBody() { result = body() }
    }
}
