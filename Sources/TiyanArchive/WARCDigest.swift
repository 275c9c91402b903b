import Crypto
import Foundation

/// `sha256:<base32>` digests for WARC-Block-Digest and WARC-Payload-Digest. SHA-256 rather than
/// the customary SHA-1, whose collisions are practical: an archive is kept as evidence. Base32
/// (RFC 4648, upper case, padded) is the encoding WARC tools expect; warcio checks it.
enum WARCDigest {
    static func of(_ parts: [Data]) -> String {
        var hasher = SHA256()
        for part in parts { hasher.update(data: part) }
        return "sha256:" + base32(Array(hasher.finalize()))
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func base32(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[(buffer >> bits) & 31])
            }
            buffer &= (1 << bits) - 1
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The hex SHA-256 of a whole archive file for run.json, read in chunks so a large archive does
/// not have to fit in memory.
public enum ArchiveHash {
    public static func sha256(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ArchiveHashError(path: path)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

public struct ArchiveHashError: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "cannot read \(path)" }
}
