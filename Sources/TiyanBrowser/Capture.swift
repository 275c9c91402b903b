import Foundation
import TiyanCore

/// What CaptureScript returned, decoded.
struct Capture {
    var url: String
    var dom: Data
    var elements: [RenderedElement]

    init(_ value: JSONValue) throws {
        guard let url = value["url"]?.stringValue, let dom = value["dom"]?.stringValue else {
            throw BrowserError.unexpectedReply(method: "Runtime.evaluate")
        }
        self.url = url
        self.dom = Data(dom.utf8)
        elements = (value["elements"]?.arrayValue ?? []).compactMap(Capture.element)
    }

    private static func element(_ row: JSONValue) -> RenderedElement? {
        guard let fields = row.arrayValue, fields.count == 3, let xpath = fields[0].stringValue else { return nil }
        var style: [String: String] = [:]
        for (name, value) in zip(CaptureScript.styleProperties, fields[1].arrayValue ?? []) {
            if let text = value.stringValue { style[name] = text }
        }
        var box: RenderedElement.Box?
        if let numbers = fields[2].arrayValue?.compactMap(\.doubleValue), numbers.count == 4 {
            box = RenderedElement.Box(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
        }
        return RenderedElement(xpath: xpath, style: style, box: box)
    }
}
