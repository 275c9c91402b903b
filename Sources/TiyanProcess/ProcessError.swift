import Glibc

/// Why a child process could not be started, written to or read: every failure of the C calls
/// becomes one of these values, with the errno that caused it.
public enum ProcessError: Error, Sendable, Hashable, CustomStringConvertible {
    case pipe(errno: Int32)
    case spawn(executable: String, errno: Int32)
    case write(errno: Int32)
    case notRunning

    public var description: String {
        switch self {
        case let .pipe(code): return "cannot create a pipe: \(Self.text(code))"
        case let .spawn(executable, code): return "cannot start \(executable): \(Self.text(code))"
        case let .write(code): return "cannot write to the child: \(Self.text(code))"
        case .notRunning: return "the child process is no longer running"
        }
    }

    static func text(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}
