import TiyanCore

enum JSONLines {
    /// Every line ends with a newline, the last one included, so files concatenate and
    /// `wc -l` counts records.
    static func render(_ values: [JSONValue]) -> String {
        var out = ""
        for value in values {
            value.write(into: &out)
            out += "\n"
        }
        return out
    }
}
