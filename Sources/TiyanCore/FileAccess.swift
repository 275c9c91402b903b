import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating system's words for why a path cannot be read, for "cannot read" messages:
/// Foundation's `contents(atPath:)` answers nil without a reason, and its thrown errors print
/// as `NSCocoaErrorDomain` codes that tell an operator nothing.
public enum FileAccess {
    public enum Kind: Sendable { case file, directory }

    /// Why `path` cannot be read as a `kind`, e.g. "No such file or directory", "is a directory";
    /// "unreadable" when every check passes and the read still failed.
    public static func problem(reading path: String, as kind: Kind) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return String(cString: strerror(errno)) }
        let isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
        switch kind {
        case .file where isDirectory: return "is a directory"
        case .directory where !isDirectory: return "not a directory"
        default: break
        }
        guard access(path, R_OK) == 0 else { return String(cString: strerror(errno)) }
        if kind == .directory {
            guard let handle = opendir(path) else { return String(cString: strerror(errno)) }
            closedir(handle)
        } else {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return String(cString: strerror(errno)) }
            close(descriptor)
        }
        return "unreadable"
    }

    /// "cannot read file: <reason>" / "cannot read directory: <reason>", the message of a
    /// ConfigurationError whose `file` is the path.
    public static func cannotRead(_ path: String, as kind: Kind) -> String {
        "cannot read \(kind == .file ? "file" : "directory"): \(problem(reading: path, as: kind))"
    }
}
