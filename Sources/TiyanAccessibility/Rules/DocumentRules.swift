import Foundation
import TiyanHTML

/// The document element when it is `<html>` (ACT: "the document element ... in the HTML namespace").
extension AccessiblePage {
    var htmlElement: Int? {
        if let source, foreignDocumentElement(source) { return nil }
        return tree.documentElement.flatMap { tree[$0].name == "html" ? $0 : nil }
    }

    /// The parser implies `<html>` around any markup; a source whose first element is `<svg>`
    /// or `<math>` with no `<html>` tag is an SVG or MathML document.
    private func foreignDocumentElement(_ source: String) -> Bool {
        let lower = source.lowercased()
        guard !lower.contains("<html") else { return false }
        var rest = Substring(lower)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("!") || after.hasPrefix("?") {
                rest = after.drop { $0 != ">" }
                continue
            }
            return after.hasPrefix("svg") || after.hasPrefix("math")
        }
        return false
    }
}

/// b5c3f8 HTML page has lang attribute.
public struct PageHasLanguage: ACTRule {
    public static let id = "b5c3f8"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let html = page.htmlElement else { return [] }
        return [.decide(html, page.nonEmptyAttribute(html, "lang") != nil,
                        "The html element has no lang attribute with a value.")]
    }
}

/// bf051a HTML page lang attribute has valid language tag.
public struct PageLanguageIsValid: ACTRule {
    public static let id = "bf051a"
    let tags: LanguageTagValidator
    public init(configuration: ACTConfiguration) { tags = configuration.languageTags }
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let html = page.htmlElement, let lang = page.nonEmptyAttribute(html, "lang") else { return [] }
        return [.decide(html, tags.isValid(lang), "The html lang value \"\(lang)\" is not a valid language tag.")]
    }
}

/// 5b7ae0 HTML page lang and xml:lang attributes have matching values.
public struct PageLanguagesMatch: ACTRule {
    public static let id = "5b7ae0"
    let tags: LanguageTagValidator
    public init(configuration: ACTConfiguration) { tags = configuration.languageTags }
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let html = page.htmlElement, let lang = page.nonEmptyAttribute(html, "lang"),
              let xmlLang = page.nonEmptyAttribute(html, "xml:lang"), tags.isValid(lang), tags.isValid(xmlLang)
        else { return [] }
        let same = LanguageTagValidator.primarySubtag(of: lang) == LanguageTagValidator.primarySubtag(of: xmlLang)
        return [.decide(html, same, "The primary languages of lang \"\(lang)\" and xml:lang \"\(xmlLang)\" differ.")]
    }
}

/// 2779a5 HTML page has non-empty title.
public struct PageHasTitle: ACTRule {
    public static let id = "2779a5"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let html = page.htmlElement else { return [] }
        guard let title = page.elements.first(where: { page[$0].name == "title" && page.isHTML($0) }) else {
            return [.failed(html, "The page has no title element.")]
        }
        let text = page.tree[title].children.filter { !page[$0].isElement }.map { page[$0].text }.joined()
        return [.decide(title, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                        "The page's first title element is empty.")]
    }
}

/// The time of a `<meta http-equiv="refresh">` whose content is a valid refresh declaration
/// (HTML §4.2.5.3 "shared declarative refresh steps"); nil when it is not.
enum MetaRefresh {
    static func seconds(_ content: String) -> Int? {
        var rest = Substring(content).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if digits.isEmpty, rest.first != "." { return nil }
        rest = rest.dropFirst(digits.count)
        rest = rest.drop { ($0.isASCII && $0.isNumber) || $0 == "." }
        if let next = rest.first, !(next == ";" || next == "," || next.isWhitespace) { return nil }
        return Int(digits.prefix(12)) ?? 0
    }

    /// The first refresh declaration of the page that is valid.
    static func first(in page: AccessiblePage) -> (node: Int, seconds: Int)? {
        for node in page.elements where page[node].name == "meta" {
            guard page.attribute(node, "http-equiv")?.lowercased() == "refresh",
                  let content = page[node].attribute("content"), let seconds = seconds(content)
            else { continue }
            return (node, seconds)
        }
        return nil
    }
}

/// bc659a Meta element has no refresh delay (20-hour exception allowed).
public struct MetaRefreshNoDelay: ACTRule {
    public static let id = "bc659a"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let (node, seconds) = MetaRefresh.first(in: page) else { return [] }
        return [.decide(node, seconds == 0 || seconds > 72000,
                        "The page refreshes or redirects after \(seconds) seconds, a delay users cannot control.")]
    }
}

/// bisz58 Meta element has no refresh delay (no exception).
public struct MetaRefreshNoDelayStrict: ACTRule {
    public static let id = "bisz58"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let (node, seconds) = MetaRefresh.first(in: page) else { return [] }
        return [.decide(node, seconds == 0, "The page refreshes or redirects after a delay of \(seconds) seconds.")]
    }
}

/// b4f0c3 Meta viewport allows for zoom.
public struct ViewportAllowsZoom: ACTRule {
    public static let id = "b4f0c3"
    public init(configuration: ACTConfiguration) {}

    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page[node].name == "meta", page.attribute(node, "name")?.lowercased() == "viewport",
                  let content = page[node].attribute("content")
            else { return nil }
            let properties = Self.properties(content)
            guard properties["user-scalable"] != nil || properties["maximum-scale"] != nil else { return nil }
            if let scalable = properties["user-scalable"], let value = Self.number(scalable), value > -1, value < 1 {
                return .failed(node, "The viewport sets user-scalable=\(scalable), which disables zoom.")
            }
            if let maximum = properties["maximum-scale"], let value = Self.number(maximum), value >= 0, value < 2 {
                return .failed(node, "The viewport limits zoom to maximum-scale=\(maximum), below 200%.")
            }
            return .passed(node)
        }
    }

    static func properties(_ content: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in content.lowercased().split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            result[parts[0]] = parts[1]
        }
        return result
    }

    /// CSS Device Adaptation §10.4 value translation: yes → 1, no → 0.1, device sizes → 10.
    static func number(_ value: String) -> Double? {
        switch value {
        case "yes": return 1
        case "no": return 0.1
        case "device-width", "device-height": return 10
        default:
            let prefix = value.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
            return Double(prefix)
        }
    }
}
