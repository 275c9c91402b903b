import Testing
import TiyanCore

@Suite struct WhitespaceRemovalTests {
    @Test func equalsTheCharacterFilter() {
        let pieces = ["a", "政务", " ", "\t", "\r\n", "\n", "\u{3000}", "\u{A0}", "\u{2009}", "\u{85}", "\u{200B}",
                      "e\u{301}", " \u{301}", "\u{3000}\u{302}", " \u{200D}", "👩‍👩‍👧", "🇨🇳", "\u{FEFF}", "x\u{20E3}",
                      "\u{0E33}", " \u{0903}", " \u{0E33}", "\u{3000}\u{0E33}", "办 ", " 事", "a b", "１２", "，", "\u{1680}", "\u{2028}", "\u{205F}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...30, using: &generator))
                .map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(text.removingWhitespace == String(text.filter { !$0.isWhitespace }), "\(text.debugDescription)")
        }
        // Every White_Space scalar, alone and between letters.
        for value in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2005, 0x200A, 0x2028, 0x2029,
                      0x202F, 0x205F, 0x3000] {
            let text = "办\(Character(Unicode.Scalar(value)!))事"
            #expect(text.removingWhitespace == "办事")
        }
    }
}
