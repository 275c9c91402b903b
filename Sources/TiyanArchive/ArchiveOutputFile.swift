import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The archive file being written, and the offset its next byte will have: record offsets are
/// taken from here. Writes go straight to the file, so the archive is never held in memory.
final class ArchiveOutputFile {
    private let handle: FileHandle
    private(set) var offset: Int64 = 0
    private var isClosed = false

    init(creating path: String) throws {
        // open(2) rather than FileManager.createFile: that one writes a new file and renames it
        // over the path, replacing whatever was there (even a device); open also says why it failed.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ArchiveError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func write(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw ArchiveError.writeFailed(reason: "\(error)")
        }
        offset += Int64(data.count)
    }

    /// Flushes to disk and closes: a run that says it finished has its archive on disk.
    func close() throws {
        guard !isClosed else { return }
        isClosed = true
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw ArchiveError.writeFailed(reason: "closing the archive: \(error)")
        }
    }
}
