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

    /// Without a heading style every line is read as sentences. With a `content` XPath the
    /// policy is the smallest matching element that holds at least half of the page's text: the
    /// site's header and footer (主办单位, 联系电话) are not the policy's statements.
    init(page: SitePage, headings: HeadingStyle? = nil, content: String? = nil) {
        self.page = page
        var sentences: [Sentence] = []
        var section = ""
        var subsection = ""
        for line in Self.policyText(of: page, content: content).split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            if let headings, headings.isHeading(text) {
                // The first line is the document's title (…隐私政策): it heads everything, so it
                // says nothing about what one part is about.
                if sentences.isEmpty {
                    sentences.append(Sentence(text: text, index: 0, isHeading: true, section: "", subsection: ""))
                    continue
                }
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

    static func policyText(of page: SitePage, content: String?) -> String {
        let whole = page.document.visibleText
        guard let content, let candidates = try? page.document.select(content), !candidates.isEmpty else { return whole }
        let total = PolicyCopy.chineseCharacterCount(whole)
        // The tightest container that still holds most of the text: a page-wide "container"
        // also holds the footer.
        var best: (text: String, count: Int)?
        for candidate in candidates {
            guard let text = try? page.document.visibleText(of: candidate.xpath) else { continue }
            let count = PolicyCopy.chineseCharacterCount(text)
            if count * 2 >= total, count > 0, count < best?.count ?? Int.max { best = (text, count) }
        }
        return best?.text ?? whole
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
