import Foundation
import TiyanCore
import TiyanHTML

/// A policy read the way a person reads it: lines (one per block of the rendered page), the
/// headings among them, and the sentences under each heading.
struct PolicyText {
    struct Sentence {
        var text: String
        /// Position in the policy, from 0.
        var index: Int
        /// The sentence is a heading line itself.
        var isHeading: Bool
        /// The numbered section heading (一、 / 第三条) and the subsection heading above it.
        var section: String
        var subsection: String
    }

    /// How headings look; from probes/privacy.yaml.
    struct HeadingStyle {
        var maxLength: Int
        var exclude: Pattern
        var section: Pattern

        func isHeading(_ line: String) -> Bool {
            line.count <= maxLength && !exclude.matches(line)
        }
    }

    let sentences: [Sentence]
    let page: SitePage

    /// Without a heading style every line is read as sentences.
    init(page: SitePage, headings: HeadingStyle? = nil) {
        self.page = page
        var sentences: [Sentence] = []
        var section = ""
        var subsection = ""
        for line in page.document.visibleText.split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            if let headings, headings.isHeading(text) {
                if headings.section.matches(text) {
                    section = text
                    subsection = ""
                } else {
                    subsection = text
                }
                sentences.append(Sentence(
                    text: text, index: sentences.count, isHeading: true, section: section, subsection: subsection))
                continue
            }
            for piece in Self.split(text) {
                sentences.append(Sentence(
                    text: piece, index: sentences.count, isHeading: false, section: section, subsection: subsection))
            }
        }
        self.sentences = sentences
    }

    /// Sentences end at 。！？ (and their ASCII forms); the mark stays with its sentence.
    static func split(_ line: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in line {
            current.append(character)
            if "。！？!?".contains(character) {
                let piece = current.trimmingCharacters(in: .whitespaces)
                if !piece.isEmpty { pieces.append(piece) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { pieces.append(rest) }
        return pieces
    }

    /// Evidence for a sentence: the element that shows it, and the sentence as the snippet.
    func evidence(_ sentence: Sentence, extra: [(String, JSONValue)] = []) -> Evidence {
        let element = TextLocator.element(showing: sentence.text, in: page.document)
        return page.evidence(
            locator: element?.xpath ?? "/html/body", snippet: Evidence.clip(sentence.text), extra: extra)
    }
}
