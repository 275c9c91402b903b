import Testing
import TiyanCSS

@Suite struct CSSTokenizerTests {
    private func kinds(_ text: String) -> [CSSToken.Kind] {
        CSSTokenizer.tokenize(text).map(\.kind)
    }

    @Test func commentsStringsAndEscapes() {
        #expect(kinds(#"/* a */"x\"y" 'a\62 c'"#) == [
            .comment, .string(#"x"y"#), .whitespace, .string("abc"),
        ])
    }

    @Test func urlsQuotedAndUnquoted() {
        #expect(kinds("url( a;b.png )") == [.url("a;b.png")])
        #expect(kinds(#"url("a.png")"#) == [.function("url"), .string("a.png"), .closeParenthesis])
        #expect(kinds("url(a b)") == [.badURL])
    }

    @Test func numbersPercentagesAndDimensions() {
        #expect(kinds("16px 1.5 50% -.5em 1e2") == [
            .dimension(16, unit: "px"), .whitespace, .number(1.5), .whitespace, .percentage(50),
            .whitespace, .dimension(-0.5, unit: "em"), .whitespace, .number(100),
        ])
    }

    @Test func hashesAtKeywordsAndDelimiters() {
        #expect(kinds("#fff #1a @media >") == [
            .hash("fff", isIdentifier: true), .whitespace, .hash("1a", isIdentifier: false), .whitespace,
            .atKeyword("media"), .whitespace, .delim(">"),
        ])
    }

    @Test func unterminatedInputEndsCleanly() {
        #expect(kinds("\"abc") == [.string("abc")])
        #expect(kinds("/* open") == [.comment])
        #expect(kinds("\"a\nb") == [.badString, .whitespace, .ident("b")])
        #expect(kinds("a\\") == [.ident("a"), .delim("\\")])
    }

    @Test func tokensCoverTheSourceExactly() {
        let source = "a{color:red;/*x*/background:url(x.png) no-repeat}\r\n\"s\\\"\" \u{0}"
        let text = CSSTokenizer.tokenize(source).map(\.text).joined()
        #expect(text == "a{color:red;/*x*/background:url(x.png) no-repeat}\n\"s\\\"\" \u{FFFD}")
    }

    @Test func garbageNeverCrashesAndAlwaysProgresses() {
        // A fixed seed: a failure reproduces.
        var generator = SplitMix64(seed: 0x7469_7961_6E)
        let alphabet = Array("\\\"'()[]{};:,/*-+.#@!<>url0123456789 \n\r\tépx%\u{0}中")
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<60, using: &generator)
            let text = String((0..<length).compactMap { _ in alphabet.randomElement(using: &generator) })
            let tokens = CSSTokenizer.tokenize(text)
            #expect(tokens.count <= text.unicodeScalars.count)
            _ = CSSDeclarationParser.parse(text)
        }
    }
}

/// A small seeded generator (SplitMix64) so the garbage inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
