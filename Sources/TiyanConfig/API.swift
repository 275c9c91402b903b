// PUBLIC API SKELETON — helper "probes" replaces these bodies with the real implementation and may
// split this file into one file per concern. Signatures are a contract other modules code against.
public import Foundation
public import TiyanCore

/// A configuration problem that names the file, line and field, as `tiyan validate` prints it.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String
    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }
    /// `targets.yaml:12: targets[3].url: not an http(s) URL`
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(field.map { "\($0): " } ?? "")\(message)"
    }
}

/// All problems found in a configuration at once, so one validate run lists them all.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ConfigurationError]
    public init(_ errors: [ConfigurationError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// targets.yaml after `defaults` are applied.
public struct TargetList: Sendable {
    public var version: Int
    public var targets: [Target]
    public init(version: Int, targets: [Target]) {
        self.version = version
        self.targets = targets
    }

    /// Throws `ConfigurationErrors` (bad YAML, unknown fields, duplicate ids, bad URLs, bad XPath).
    public static func load(path: String) throws -> TargetList {
        throw ConfigurationErrors([ConfigurationError(file: path, line: nil, field: nil, message: "not implemented")])
    }
}

/// The probes/ directory: one YAML file per module, loaded and validated as a whole.
public struct ProbeConfiguration: Sendable {
    public var directory: String
    /// The files' raw text by file name, for hashing and for modules that decode their own part.
    public var files: [String: String]
    public init(directory: String, files: [String: String]) {
        self.directory = directory
        self.files = files
    }

    public static func load(directory: String) throws -> ProbeConfiguration {
        throw ConfigurationErrors([ConfigurationError(file: directory, line: nil, field: nil, message: "not implemented")])
    }
}

public enum ContentHash {
    /// Hex SHA-256 of a file's bytes.
    public static func sha256(ofFile path: String) throws -> String { "" }
    /// Hex SHA-256 over the directory's regular files, in sorted path order (name, NUL, bytes).
    public static func sha256(ofDirectory path: String) throws -> String { "" }
}
