import Foundation
import TiyanCore

/// The probes/ directory: one YAML file per module, loaded and validated as a whole.
public struct ProbeConfiguration: Sendable {
    public var directory: String
    /// The files' raw text by file name, for hashing and for modules that decode their own part.
    public var files: [String: String]

    public init(directory: String, files: [String: String]) {
        self.directory = directory
        self.files = files
    }

    /// Keys every probes/*.yaml file must have at its top level.
    public static let requiredKeys = ["module", "version"]

    /// Reads every `*.yaml` file of the directory (sorted by name); throws `ConfigurationErrors`
    /// naming file and line for files that do not parse, lack `module:`/`version:`, or declare a
    /// module another file already declares.
    public static func load(directory: String) throws -> ProbeConfiguration {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        } catch {
            throw ConfigurationErrors([
                ConfigurationError(
                    file: directory, line: nil, field: nil, message: FileAccess.cannotRead(directory, as: .directory))
            ])
        }
        var files: [String: String] = [:]
        var errors: [ConfigurationError] = []
        for name in names {
            do {
                files[name] = try YAMLReader.readText(path: join(directory, name))
            } catch let failure as ConfigurationErrors {
                errors += failure.errors
            }
        }
        let configuration = ProbeConfiguration(directory: directory, files: files)
        errors += configuration.problems()
        guard errors.isEmpty else { throw ConfigurationErrors(errors) }
        return configuration
    }

    /// Every problem of the loaded files, in file order.
    public func problems() -> [ConfigurationError] {
        var errors: [ConfigurationError] = []
        var declared: [String: String] = [:]
        for name in fileNames {
            let path = self.path(of: name)
            let root: ConfigNode
            do {
                guard let parsed = try node(of: name) else {
                    errors.append(ConfigurationError(file: path, line: nil, field: nil, message: "empty file"))
                    continue
                }
                root = parsed
            } catch let failure as ConfigurationErrors {
                errors += failure.errors
                continue
            } catch {
                errors.append(ConfigurationError(file: path, line: nil, field: nil, message: "\(error)"))
                continue
            }
            guard root.entries != nil else {
                errors.append(
                    ConfigurationError(
                        file: path, line: root.line, field: nil,
                        message: "expected a mapping at the top level, found \(root.kindName)"))
                continue
            }
            for key in Self.requiredKeys where root[key] == nil {
                errors.append(
                    ConfigurationError(file: path, line: root.line, field: key, message: "missing required key"))
            }
            if let entry = root.entry("module") {
                if let module = entry.value.scalar, !module.isEmpty {
                    if let other = declared[module] {
                        errors.append(
                            ConfigurationError(
                                file: path, line: entry.keyLine, field: "module",
                                message: "module \"\(module)\" is also declared by \(other)"))
                    } else {
                        declared[module] = name
                    }
                } else {
                    errors.append(
                        ConfigurationError(
                            file: path, line: entry.keyLine, field: "module",
                            message: "expected a module name, found \(entry.value.kindName)"))
                }
            }
            if let entry = root.entry("version"), entry.value.int == nil {
                errors.append(
                    ConfigurationError(
                        file: path, line: entry.keyLine, field: "version",
                        message:
                            "expected a whole number, found \(entry.value.scalar.map { "\"\($0)\"" } ?? entry.value.kindName)"
                    ))
            }
        }
        return errors
    }

    /// File names in a stable order (by UTF-8 bytes), whatever the dictionary's order.
    public var fileNames: [String] {
        files.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The path to name in messages, e.g. `probes/basics.yaml`.
    public func path(of file: String) -> String { Self.join(directory, file) }

    /// The parsed tree of one file; nil when the file is empty. Throws `ConfigurationErrors`.
    public func node(of file: String) throws -> ConfigNode? {
        guard let text = files[file] else {
            throw ConfigurationErrors([
                ConfigurationError(file: path(of: file), line: nil, field: nil, message: "no such file")
            ])
        }
        return try YAMLReader.parse(text, file: path(of: file))
    }

    /// The file whose top-level `module:` is `module`, if any. Read from the text's top-level
    /// `module:` line rather than a full parse: every module asks, and parsing every file for
    /// each of them was a quarter of `tiyan check`'s time. A file whose line is not plain
    /// (flow style, anchors) is parsed as before.
    public func file(declaringModule module: String) -> String? {
        fileNames.first { name in
            guard let text = files[name] else { return false }
            if let declared = Self.declaredModule(in: text) { return declared == module }
            return ((try? node(of: name)) ?? nil)?["module"]?.scalar == module
        }
    }

    /// The value of a top-level `module: NAME` line (optionally quoted, optionally commented).
    static func declaredModule(in text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix("module:") {
            var value = line.dropFirst("module:".count)
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            var name = value.trimmingCharacters(in: .whitespaces)
            if name.count >= 2, let first = name.first, first == name.last, first == "\"" || first == "'" {
                name = String(name.dropFirst().dropLast())
            }
            let plain = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            return plain ? name : nil
        }
        return nil
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
