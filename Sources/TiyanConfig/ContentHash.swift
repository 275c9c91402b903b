import Crypto
import Foundation
import TiyanCore

/// Hashes recorded in run.json so a run names exactly which configuration judged it.
public enum ContentHash {
    /// Hex SHA-256 of a file's bytes.
    public static func sha256(ofFile path: String) throws -> String {
        var hasher = SHA256()
        hasher.update(data: try bytes(of: path))
        return hex(hasher.finalize())
    }

    /// Hex SHA-256 over the directory's regular files, in sorted path order (name, NUL, bytes).
    /// Names are relative to the directory; hidden files and symbolic links are skipped, so an
    /// editor's swap file or a `.DS_Store` does not change a configuration's identity.
    public static func sha256(ofDirectory path: String) throws -> String {
        var hasher = SHA256()
        for name in try regularFiles(under: path) {
            hasher.update(data: Data(name.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: try bytes(of: ProbeConfiguration.join(path, name)))
        }
        return hex(hasher.finalize())
    }

    static func regularFiles(under root: String) throws -> [String] {
        let manager = FileManager.default
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : ProbeConfiguration.join(root, relative)
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: directory)
            } catch {
                throw ConfigurationErrors([
                    ConfigurationError(file: directory, line: nil, field: nil,
                                       message: FileAccess.cannotRead(directory, as: .directory))
                ])
            }
            for name in names where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let type =
                    try? manager.attributesOfItem(atPath: ProbeConfiguration.join(root, child))[.type]
                    as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(child)
                } else if type == .typeRegular {
                    found.append(child)
                }
            }
        }
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private static func bytes(of path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationErrors([
                ConfigurationError(file: path, line: nil, field: nil, message: FileAccess.cannotRead(path, as: .file))
            ])
        }
        return data
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
