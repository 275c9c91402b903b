/// How much of a text is written in Latin letters versus CJK characters: what tells an English
/// page from a Chinese one whatever its `lang` attribute claims. Digits, punctuation and spaces
/// count for neither.
struct LetterShare: Equatable {
    var latin = 0
    var cjk = 0

    init(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: cjk += 1
            default: continue
            }
        }
    }

    var letters: Int { latin + cjk }

    /// The Latin share of the letters, rounded to two decimals; 0 for a text without letters.
    var latinRatio: Double {
        letters == 0 ? 0 : (Double(latin) / Double(letters) * 100).rounded() / 100
    }
}
