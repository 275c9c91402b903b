enum CSVField {
    /// RFC 4180 quoting: only fields that contain a separator, a quote or a line break are
    /// quoted, so plain ids and numbers stay readable by naive splitters.
    static func escape(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func row(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",")
    }
}
