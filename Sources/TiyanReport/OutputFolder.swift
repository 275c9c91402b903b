import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the folders runs are written to and says in words why it cannot (a file in the way,
/// no permission), where FileManager would throw an `NSCocoaErrorDomain` code.
public enum OutputFolder {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Creates `path` and its missing parents, then checks that files can be made in it.
    public static func create(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            let shown = prefix.hasPrefix("./") ? String(prefix.dropFirst(2)) : prefix
            var status = stat()
            if stat(prefix, &status) == 0 {
                guard (status.st_mode & S_IFMT) == S_IFDIR else {
                    throw Failure(description: "\(shown) is a file, not a folder")
                }
                continue
            }
            guard mkdir(prefix, 0o755) == 0 || errno == EEXIST else {
                throw Failure(description: "cannot create folder \(shown): \(String(cString: strerror(errno)))")
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw Failure(description: "cannot write in \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Why a file cannot be created in `folder`, for a write that failed without a reason.
    public static func problem(writingIn folder: String) -> String {
        access(folder, W_OK | X_OK) == 0 ? "write failed" : String(cString: strerror(errno))
    }
}
