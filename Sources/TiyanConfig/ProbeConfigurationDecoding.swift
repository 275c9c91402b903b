import Foundation
import Yams

extension ProbeConfiguration {
    /// Decodes a whole file with `YAMLDecoder`; a failure names the file and, where the coding
    /// path allows, the line and field.
    public func decode<T: Decodable>(_ type: T.Type, from file: String) throws -> T {
        let path = self.path(of: file)
        guard let text = files[file] else {
            throw ConfigurationErrors([ConfigurationError(file: path, line: nil, field: nil, message: "no such file")])
        }
        try YAMLReader.checkExpansion(text, file: path)
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let error as DecodingError {
            throw ConfigurationErrors([describe(error, path: path, file: file)])
        } catch {
            throw ConfigurationErrors([YAMLReader.configurationError(error, text: text, file: path)])
        }
    }

    private func describe(_ error: DecodingError, path: String, file: String) -> ConfigurationError {
        let context: DecodingError.Context
        var message: String
        switch error {
        case let .typeMismatch(type, found):
            context = found
            message = "expected \(type)"
        case let .valueNotFound(type, found):
            context = found
            message = "missing value of type \(type)"
        case let .keyNotFound(key, found):
            context = found
            message = "missing required key \"\(key.stringValue)\""
        case let .dataCorrupted(found):
            context = found
            message = "invalid value"
        @unknown default:
            return ConfigurationError(file: path, line: nil, field: nil, message: "\(error)")
        }
        if !context.debugDescription.isEmpty { message += ": \(context.debugDescription)" }
        let components = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        let line = ((try? node(of: file)) ?? nil)?.line(at: components)
        let field = components.isEmpty ? nil : Self.fieldPath(context.codingPath)
        return ConfigurationError(file: path, line: line, field: field, message: message)
    }

    static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
