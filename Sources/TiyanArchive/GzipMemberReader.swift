internal import CZlib
import Foundation

/// One decompressed gzip member and the byte offset where it starts in the file.
struct GzipMember {
    var offset: Int64
    var bytes: Data
}

/// Why reading members stopped before the end of the file.
struct GzipDamage: Error {
    enum Kind { case truncated, corrupt }
    var kind: Kind
    /// Where the damaged member starts.
    var offset: Int64
    var reason: String
}

/// Reads a file of concatenated gzip members one member at a time, streaming: only the current
/// member's decompressed bytes are held. Knowing where each member starts gives the records'
/// offsets, and damage only costs the members from the damaged one on.
///
/// zlib keeps a pointer back to its `z_stream`, so the stream lives at a fixed heap address.
/// Not Sendable: one reader per file and thread.
final class GzipMemberReader {
    private let path: String
    private let handle: FileHandle
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutablePointer<Bytef>
    private let output: UnsafeMutablePointer<Bytef>
    private static let inputSize = 256 * 1024
    private static let outputSize = 256 * 1024
    /// File offset of `input[0]` and how many bytes of it hold file data.
    private var inputOffset: Int64
    private var inputLength = 0
    private var endOfFile = false

    init(path: String, startingAt offset: Int64 = 0) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ArchiveError.cannotOpen(path: path, reason: Self.openFailure(path))
        }
        if offset > 0 {
            do {
                try handle.seek(toOffset: UInt64(offset))
            } catch {
                throw ArchiveError.cannotOpen(path: path, reason: "cannot seek to \(offset): \(error)")
            }
        }
        self.handle = handle
        inputOffset = offset
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(capacity: Self.inputSize)
        output = .allocate(capacity: Self.outputSize)
        // windowBits 31 = 15 + 16 accepts the gzip wrapper only: anything else is not our archive.
        let status = inflateInit2_(stream, 31, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        // Throwing here still runs deinit (every property is set), which frees the buffers, and
        // inflateEnd is harmless on a stream whose init failed.
        guard status == Z_OK else {
            throw ArchiveError.cannotOpen(path: path, reason: "zlib inflateInit2 failed (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
        output.deallocate()
        try? handle.close()
    }

    /// File offset of the next byte zlib has not consumed.
    private var position: Int64 { inputOffset + Int64(inputLength - Int(stream.pointee.avail_in)) }

    /// The next member, nil at a clean end of file. Throws `GzipDamage` for a member that is cut
    /// short or fails its checks (the reader is unusable afterwards), `ArchiveError` for I/O errors.
    func next() throws -> GzipMember? {
        if stream.pointee.avail_in == 0 { try refill() }
        if stream.pointee.avail_in == 0 { return nil }
        let start = position
        var bytes = Data()
        while true {
            if stream.pointee.avail_in == 0 {
                try refill()
                if stream.pointee.avail_in == 0 {
                    throw GzipDamage(kind: .truncated, offset: start, reason: "gzip member ends before its trailer")
                }
            }
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(Self.outputSize)
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = Self.outputSize - Int(stream.pointee.avail_out)
            if produced > 0 { bytes.append(output, count: produced) }
            switch status {
            case Z_STREAM_END:
                inflateReset(stream)
                return GzipMember(offset: start, bytes: bytes)
            case Z_OK, Z_BUF_ERROR:
                continue
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw GzipDamage(kind: .corrupt, offset: start, reason: message)
            }
        }
    }

    private func refill() throws {
        guard !endOfFile else { return }
        inputOffset += Int64(inputLength)
        inputLength = 0
        stream.pointee.avail_in = 0
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: Self.inputSize)
        } catch {
            throw ArchiveError.cannotOpen(path: path, reason: "read failed at offset \(inputOffset): \(error)")
        }
        guard let chunk, !chunk.isEmpty else {
            endOfFile = true
            return
        }
        inputLength = chunk.copyBytes(to: UnsafeMutableBufferPointer(start: input, count: Self.inputSize))
        stream.pointee.next_in = input
        stream.pointee.avail_in = UInt32(inputLength)
    }

    private static func openFailure(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        return isDirectory.boolValue ? "is a directory" : "not readable"
    }
}
