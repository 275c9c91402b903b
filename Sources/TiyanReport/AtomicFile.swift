public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that it is either absent, the old version or complete: a run killed midway
/// (cron timeout, OOM, reboot) must never leave a half file that looks whole.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `.<name>.tmp-<pid>` next to the destination (rename is atomic only within one
    /// file system), flushes it to disk, then renames it over the destination.
    public static func write(_ data: Data, to path: String) throws {
        let (directory, name) = split(path)
        let temporary = (directory == "/" ? "/" : directory + "/") + "." + name + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileOperationError("open", path: temporary) }
        do {
            try writeAll(data, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw FileOperationError("fsync", path: temporary) }
            guard close(descriptor) == 0 else {
                unlink(temporary)
                throw FileOperationError("close", path: temporary)
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = FileOperationError("rename to \(path)", path: temporary)
            unlink(temporary)
            throw failure
        }
        // Best effort: the rename itself survives a power cut only once the directory is synced.
        let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileOperationError("write", path: path)
                }
                offset += written
            }
        }
    }
}

// `AtomicFile.write` shadows the C function inside the enum.
#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
