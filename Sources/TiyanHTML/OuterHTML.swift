import CXMLShim
import TiyanCore

/// The markup of an element for evidence snippets.
///
/// libxml2's own dumpers serialise as XML (`<br/>`, CDATA around scripts) and percent-encode
/// non-ASCII hrefs, and always write the whole subtree; this writes HTML as the page has it and
/// stops once the snippet is long enough to be clipped, so snippets of large elements cost little.
enum OuterHTML {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    private static let rawTextElements: Set<String> = ["script", "style", "xmp", "textarea", "title"]

    static func snippet(of root: NodePointer) -> String {
        // Scalars are counted rather than characters (cheaper); twice the limit is always enough
        // for Evidence.clip to see that the text is too long.
        let budget = Evidence.maximumSnippetLength * 2
        var output = String.UnicodeScalarView()
        var written = 0
        var full = false

        func write(_ text: String) {
            guard !full else { return }
            for scalar in text.unicodeScalars {
                output.append(scalar)
                written += 1
                if written > budget {
                    full = true
                    return
                }
            }
        }

        NodeWalk.walk(root) { node in
            guard !full else { return false }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                write(startTag(of: node))
                return !voidElements.contains(node.name)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let raw = node.pointee.parent.map { rawTextElements.contains($0.name) } ?? false
                let text = node.content(maximumBytes: budget * 4)
                write(raw ? text : escape(text, quotes: false))
            case XML_COMMENT_NODE:
                write("<!--" + node.content(maximumBytes: budget * 4) + "-->")
            default:
                break
            }
            return false
        } exit: { node in
            if node.isElement, !voidElements.contains(node.name) { write("</\(node.name)>") }
        }
        return Evidence.clip(String(output))
    }

    private static func startTag(of element: NodePointer) -> String {
        var tag = "<" + element.name
        for attribute in element.attributes {
            tag += " " + attribute.name
            tag += "=\"" + escape(attribute.value, quotes: true) + "\""
        }
        return tag + ">"
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<" where !quotes: result += "&lt;"
            case ">" where !quotes: result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
