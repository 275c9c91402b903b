import Testing
@testable import TiyanReport

@Suite struct HTMLEscapingTests {
    /// The reference: character by character, as the function was first written.
    private func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func bytewiseEscapingEqualsTheCharacterwiseReference() {
        let pieces = ["&", "<", ">", "\"", "'", "a", " ", "政务", "服务", "👩‍👩‍👧", "é", "\u{0301}", "\u{0}", "\r\n", "&amp;",
                      "<script>alert('x')</script>", "ＡＢ", "\u{FEFF}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
                .joined()
            #expect(escapeHTML(text) == reference(text), "\(text.debugDescription)")
        }
        #expect(escapeHTML("<a href=\"x\">It's & 办事</a>") == "&lt;a href=&quot;x&quot;&gt;It&#39;s &amp; 办事&lt;/a&gt;")
        #expect(escapeHTML("") == "")
    }
}
