import Foundation

extension JSONValue {
    /// Parses JSON text (as written by `serialized()` or any other writer). Object key order is
    /// preserved as far as Foundation allows: keys are sorted, which is stable across runs.
    public static func parse(_ text: String) throws -> JSONValue {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return JSONValue(foundation: object)
    }

    public init(foundation object: Any) {
        switch object {
        case is NSNull: self = .null
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(JSONValue.init(foundation:)))
        case let dictionary as [String: Any]:
            self = .object(dictionary.keys.sorted().map { ($0, JSONValue(foundation: dictionary[$0] as Any)) })
        default: self = .null
        }
    }
}
