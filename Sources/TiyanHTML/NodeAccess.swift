import CXMLShim
import Glibc
import TiyanCore

extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// The tag name; libxml2's HTML parser has already lower-cased it.
    var name: String { pointee.name.map { String(cString: $0) } ?? "" }

    func hasName(_ candidate: String) -> Bool {
        guard let raw = pointee.name else { return false }
        return candidate.withCString { strcmp(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }

    /// The content of a text or CDATA node.
    var content: String { pointee.content.map { String(cString: $0) } ?? "" }

    /// The start of a text node's content, cut at a character boundary: enough for a snippet
    /// without copying a megabyte of inline script.
    func content(maximumBytes: Int) -> String {
        guard let raw = pointee.content else { return "" }
        var length = 0
        while length < maximumBytes, raw[length] != 0 { length += 1 }
        if raw[length] != 0 {
            // Back up to the first byte of a UTF-8 sequence.
            while length > 0, raw[length] & 0xC0 == 0x80 { length -= 1 }
        }
        return String(decoding: UnsafeBufferPointer(start: raw, count: length), as: UTF8.self)
    }

    /// Attributes in document order, names lower-cased.
    var attributes: [HTTPHeader] {
        var result: [HTTPHeader] = []
        var attribute = pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            result.append(HTTPHeader(name: name.lowercased(), value: Self.value(of: current)))
            attribute = current.pointee.next
        }
        return result
    }

    func attribute(_ name: String) -> String? {
        var attribute = pointee.properties
        while let current = attribute {
            if let raw = current.pointee.name, String(cString: raw).caseInsensitiveEquals(name) {
                return Self.value(of: current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    func hasAttribute(_ name: String) -> Bool { attribute(name) != nil }

    /// The element children, in order.
    var elementChildren: [NodePointer] {
        var result: [NodePointer] = []
        var child = pointee.children
        while let current = child {
            if current.isElement { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// All text below this node, script and style included, as written (for inline scripts).
    var rawText: String {
        var text = ""
        NodeWalk.walk(self) { node in
            if node.isText { text += node.content }
            return !node.isText
        }
        return text
    }

    private static func value(of attribute: UnsafeMutablePointer<xmlAttr>) -> String {
        var text = ""
        var child = attribute.pointee.children
        while let current = child {
            if let content = current.pointee.content { text += String(cString: content) }
            child = current.pointee.next
        }
        return text
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && lowercased() == other.lowercased()
    }
}
