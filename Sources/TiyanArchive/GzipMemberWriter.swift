internal import CZlib
import Foundation

/// Compresses data into complete gzip members, one per call: a WARC record in its own member can
/// be decompressed alone from its offset, which is how WARC tools seek.
///
/// zlib keeps a pointer back to its `z_stream`, so the stream lives at a fixed heap address for
/// the object's whole life. One instance per thread: not Sendable.
final class GzipMemberWriter {
    private let stream: UnsafeMutablePointer<z_stream>
    private let scratch: UnsafeMutablePointer<Bytef>
    private static let scratchSize = 64 * 1024
    /// avail_in is 32 bits; feeding bounded slices also keeps each deflate call short.
    private static let sliceSize = 1 << 20

    /// Level 1: the archive is written while crawling; on the benchmark farm the default level
    /// cost about 2 s of CPU per 200 portals more for a smaller file nobody is waiting for.
    init(level: Int32 = Z_BEST_SPEED) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        scratch = .allocate(capacity: Self.scratchSize)
        // windowBits 31 = 15 + 16 asks for a gzip wrapper instead of zlib's.
        let status = deflateInit2_(stream, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                                   Int32(MemoryLayout<z_stream>.size))
        // Throwing here still runs deinit (every property is set), which frees the buffers, and
        // deflateEnd is harmless on a stream whose init failed.
        guard status == Z_OK else {
            throw ArchiveError.writeFailed(reason: "zlib deflateInit2 failed (\(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    /// One gzip member holding the concatenation of `parts`; the parts are never copied together,
    /// so a large body is compressed in place.
    func member(_ parts: [Data]) throws -> Data {
        defer { deflateReset(stream) }
        var output = Data()
        for part in parts where !part.isEmpty {
            try part.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                guard let base = raw.baseAddress else { return }
                var start = 0
                while start < raw.count {
                    let length = min(raw.count - start, Self.sliceSize)
                    // zlib is built without z_const, so next_in is typed mutable; deflate only reads it.
                    stream.pointee.next_in = UnsafeMutablePointer(
                        mutating: base.advanced(by: start).assumingMemoryBound(to: Bytef.self))
                    stream.pointee.avail_in = UInt32(length)
                    try run(flush: Z_NO_FLUSH, into: &output)
                    start += length
                }
            }
        }
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try run(flush: Z_FINISH, into: &output)
        return output
    }

    private func run(flush: Int32, into output: inout Data) throws {
        while true {
            stream.pointee.next_out = scratch
            stream.pointee.avail_out = UInt32(Self.scratchSize)
            let status = deflate(stream, flush)
            let produced = Self.scratchSize - Int(stream.pointee.avail_out)
            if produced > 0 { output.append(scratch, count: produced) }
            if status == Z_STREAM_END { return }
            let full = stream.pointee.avail_out == 0
            // Z_BUF_ERROR only means "no progress possible"; it is fatal when finishing with room left.
            guard status == Z_OK || (status == Z_BUF_ERROR && (flush == Z_NO_FLUSH || full)) else {
                throw ArchiveError.writeFailed(reason: "zlib deflate failed (\(status))")
            }
            // A scratch buffer left with room means zlib took all the input it was given.
            if flush == Z_NO_FLUSH && !full { return }
        }
    }
}
