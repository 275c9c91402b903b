import TiyanCore

/// Indented JSON for files people open by hand (run.json). Keys keep their given order and
/// leaves use `JSONValue`'s own encoding, so the output is as deterministic as `serialized()`.
enum PrettyJSON {
    static func render(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", into: &out)
        return out + "\n"
    }

    private static func write(_ value: JSONValue, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch value {
        case let .array(items) where !items.isEmpty:
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, into: &out)
                out += index < items.count - 1 ? ",\n" : "\n"
            }
            out += indent + "]"
        case let .object(pairs) where !pairs.isEmpty:
            out += "{\n"
            for (index, pair) in pairs.enumerated() {
                out += inner
                JSONValue.writeString(pair.0, into: &out)
                out += ": "
                write(pair.1, indent: inner, into: &out)
                out += index < pairs.count - 1 ? ",\n" : "\n"
            }
            out += indent + "}"
        default:
            value.write(into: &out)
        }
    }
}
