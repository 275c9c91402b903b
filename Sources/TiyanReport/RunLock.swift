import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses to start a run while another holds the lock: two cron runs writing the same output
/// root (or a reprobe rewriting a run folder being written) would interleave their files.
///
/// An advisory `flock` on a lock file that holds the owner's pid. The kernel drops the lock when
/// the process dies, so a crashed run never leaves a stale lock behind; the file itself stays
/// (deleting it would let a third process lock a different inode than a waiting second one).
public final class RunLock {
    public let path: String
    private var descriptor: Int32?

    /// Locks `<directory>/.lock`.
    public convenience init(directory: String) throws {
        try self.init(path: directory + "/.lock")
    }

    /// Locks `path` (created if missing), or throws `RunLockError.held` naming the holder's pid.
    public init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw RunLockError.unavailable(FileOperationError("open", path: path)) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = code == EWOULDBLOCK ? Self.readPID(descriptor) : nil
            close(descriptor)
            if code == EWOULDBLOCK { throw RunLockError.held(path: path, pid: holder) }
            throw RunLockError.unavailable(FileOperationError("flock", path: path, code: code))
        }
        let pid = "\(getpid())\n"
        if ftruncate(descriptor, 0) != 0 || pwrite(descriptor, pid, pid.utf8.count, 0) != pid.utf8.count {
            let failure = FileOperationError("write pid to", path: path)
            close(descriptor)
            throw RunLockError.unavailable(failure)
        }
        self.descriptor = descriptor
    }

    /// Releases the lock; later calls do nothing. Also done on deinit.
    public func release() {
        guard let descriptor else { return }
        self.descriptor = nil
        // Emptied before unlocking so that no later reader blames a process that has finished.
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    deinit { release() }

    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

public enum RunLockError: Error, CustomStringConvertible, Sendable {
    /// Another process holds the lock; `pid` is nil when it had not yet written its pid.
    case held(path: String, pid: Int32?)
    case unavailable(FileOperationError)

    public var description: String {
        switch self {
        case let .held(path, pid?):
            return "another tiyan run (pid \(pid)) holds the lock \(path)"
        case let .held(path, nil):
            return "another tiyan run holds the lock \(path)"
        case let .unavailable(failure):
            return "cannot take the lock: \(failure)"
        }
    }
}
