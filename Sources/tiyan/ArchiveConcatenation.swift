import Foundation
import TiyanCore
import TiyanReport

/// Joins WARC files made of gzip members into one: a concatenation of gzip members is itself a
/// valid gzip-member WARC file, so no record is rewritten and every offset of file i moves by the
/// sizes of the files before it.
enum ArchiveConcatenation {
    /// Streams `sources` into `destination` (through a temporary name, renamed when whole) and
    /// returns each source's starting offset in it.
    static func concatenate(_ sources: [String], into destination: String) throws -> [Int64] {
        let partial = (destination as NSString).deletingLastPathComponent + "/."
            + (destination as NSString).lastPathComponent + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
              let output = FileHandle(forWritingAtPath: partial)
        else { throw RunFailure("cannot create \(partial)") }
        var shifts: [Int64] = []
        var written: Int64 = 0
        do {
            for source in sources {
                shifts.append(written)
                guard let input = FileHandle(forReadingAtPath: source) else {
                    throw RunFailure("cannot read \(source): \(FileAccess.problem(reading: source, as: .file))")
                }
                defer { try? input.close() }
                while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                    try output.write(contentsOf: chunk)
                    written += Int64(chunk.count)
                }
            }
            try output.synchronize()
            try output.close()
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch let failure as RunFailure {
            try? output.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw failure
        } catch {
            try? output.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw RunFailure("cannot write \(destination): \(error)")
        }
        return shifts
    }
}
