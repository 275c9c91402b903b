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

/// b5c3f8 HTML page has lang attribute (W3C ACT rule b5c3f8, version of 31 August 2023): a
/// value of only ASCII white space is no value; other white space (U+00A0, U+3000) is.
public struct PageHasLanguage: ACTRule {
    public static let id = "b5c3f8"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let html = page.htmlElement else { return [] }
        return [.decide(html, page.valuedAttribute(html, "lang") != nil,
                        "The html element has no lang attribute with a value.")]
    }
}

/// bf051a HTML page lang attribute has valid language tag (W3C ACT rule bf051a, version of
/// 28 January 2022): the tag needs a known primary language subtag, not RFC 5646 validity.
public struct PageLanguageIsValid: ACTRule {
    public static let id = "bf051a"
    let tags: LanguageTagValidator
    public init(configuration: ACTConfiguration) { tags = configuration.languageTags }
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let html = page.htmlElement, let lang = page.valuedAttribute(html, "lang") else { return [] }
        return [.decide(html, tags.isValid(lang), "The html lang value \"\(lang)\" is not a valid language tag.")]
    }
}

/// 5b7ae0 HTML page lang and xml:lang attributes have matching values (W3C ACT rule 5b7ae0,
/// version of 8 December 2025): applicable when lang has a known primary language tag and
/// xml:lang is not empty, whether or not xml:lang is itself a known tag.
public struct PageLanguagesMatch: ACTRule {
    public static let id = "5b7ae0"
    let tags: LanguageTagValidator
    public init(configuration: ACTConfiguration) { tags = configuration.languageTags }
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let html = page.htmlElement, let lang = page.valuedAttribute(html, "lang"), tags.isValid(lang),
              let xmlLang = page[html].attribute("xml:lang"), !xmlLang.isEmpty
        else { return [] }
        let same = LanguageTagValidator.primarySubtag(of: lang) == LanguageTagValidator.primarySubtag(of: xmlLang)
        return [.decide(html, same, "The primary languages of lang \"\(lang)\" and xml:lang \"\(xmlLang)\" differ.")]
    }
}

/// 2779a5 HTML page has non-empty title (W3C ACT rule 2779a5, version of 31 August 2023).
public struct PageHasTitle: ACTRule {
    public static let id = "2779a5"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let html = page.htmlElement else { return [] }
        guard let title = page.elements.first(where: { page[$0].name == "title" && page.isHTML($0) }) else {
            return [.failed(html, "The page has no title element.")]
        }
        let text = page.tree[title].children.filter { !page[$0].isElement }.map { page[$0].text }.joined()
        return [.decide(title, !AccessiblePage.isBlank(text),
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
        if let next = rest.first, !(next == ";" || next == "," || AccessiblePage.isASCIIWhitespace(next)) { return nil }
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

/// bc659a Meta element has no refresh delay (W3C ACT rule bc659a, version of 25 October 2022):
/// the 20-hour exception allowed.
public struct MetaRefreshNoDelay: ACTRule {
    public static let id = "bc659a"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let (node, seconds) = MetaRefresh.first(in: page) else { return [] }
        return [.decide(node, seconds == 0 || seconds > 72000,
                        "The page refreshes or redirects after \(seconds) seconds, a delay users cannot control.")]
    }
}

/// bisz58 Meta element has no refresh delay (no exception) (W3C ACT rule bisz58, version of
/// 20 December 2023).
public struct MetaRefreshNoDelayStrict: ACTRule {
    public static let id = "bisz58"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let (node, seconds) = MetaRefresh.first(in: page) else { return [] }
        return [.decide(node, seconds == 0, "The page refreshes or redirects after a delay of \(seconds) seconds.")]
    }
}

/// b4f0c3 Meta viewport allows for zoom (W3C ACT rule b4f0c3, version of 25 October 2022).
/// The `content` value is read as CSS Device Adaptation §9 "parsing algorithm" and §10
/// "translations" say: a value that is neither a number prefix nor a keyword is unknown, and an
/// unknown `user-scalable` means `no`, an unknown `maximum-scale` means 0 (below 2).
public struct ViewportAllowsZoom: ACTRule {
    public static let id = "b4f0c3"
    public init(configuration: ACTConfiguration) {}

    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page[node].name == "meta", page.isHTML(node), page.attribute(node, "name")?.lowercased() == "viewport",
                  let content = page[node].attribute("content")
            else { return nil }
            let properties = Self.properties(content)
            guard properties["user-scalable"] != nil || properties["maximum-scale"] != nil else { return nil }
            if let scalable = properties["user-scalable"], !Self.userScalable(scalable) {
                return .failed(node, "The viewport sets user-scalable=\(scalable), which disables zoom.")
            }
            if let maximum = properties["maximum-scale"], let value = Self.scale(maximum), value < 2 {
                return .failed(node, "The viewport limits zoom to maximum-scale=\(maximum), below 200%.")
            }
            return .passed(node)
        }
    }

    /// §9: names and values are runs of characters other than white space, `,`, `;` and `=`;
    /// a name followed by a separator has no value. The last value of a name wins.
    static func properties(_ content: String) -> [String: String] {
        let chars = Array(content.lowercased())
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        func isSeparator(_ c: Character) -> Bool { c == "," || c == ";" }
        func isSpecial(_ c: Character) -> Bool { isSpace(c) || isSeparator(c) || c == "=" }
        var result: [String: String] = [:]
        var i = 0
        while i < chars.count {
            while i < chars.count, isSpecial(chars[i]) { i += 1 }
            let nameStart = i
            while i < chars.count, !isSpecial(chars[i]) { i += 1 }
            let name = String(chars[nameStart..<i])
            // Up to the `=`; a separator first ends a property without value.
            while i < chars.count, isSpace(chars[i]) { i += 1 }
            guard i < chars.count, chars[i] == "=" else { continue }
            while i < chars.count, isSpace(chars[i]) || chars[i] == "=" { i += 1 }
            guard i < chars.count, !isSeparator(chars[i]) else { continue }
            let valueStart = i
            while i < chars.count, !isSpecial(chars[i]) { i += 1 }
            if !name.isEmpty, valueStart < i { result[name] = String(chars[valueStart..<i]) }
        }
        return result
    }

    /// The number a value starts with (strtod-like), nil when it starts with none.
    static func numericPrefix(_ value: String) -> Double? {
        var end = value.startIndex
        var seenDigit = false, seenDot = false, seenExponent = false
        var index = value.startIndex
        if index < value.endIndex, value[index] == "+" || value[index] == "-" { index = value.index(after: index) }
        while index < value.endIndex {
            let c = value[index]
            if c.isASCII, c.isNumber {
                seenDigit = true
                end = value.index(after: index)
            } else if c == ".", !seenDot, !seenExponent {
                seenDot = true
            } else if c == "e" || c == "E", seenDigit, !seenExponent {
                seenExponent = true
                let next = value.index(after: index)
                if next < value.endIndex, value[next] == "+" || value[next] == "-" { index = next }
            } else {
                break
            }
            index = value.index(after: index)
        }
        guard seenDigit else { return nil }
        // Drop a dangling exponent ("2e") the way strtod does.
        var text = String(value[value.startIndex..<end])
        while let last = text.last, !last.isNumber { text.removeLast() }
        return Double(text)
    }

    /// §10.5 user-scalable: yes and the device keywords zoom; numbers zoom when |n| >= 1; `no`,
    /// other numbers and unknown values do not.
    static func userScalable(_ value: String) -> Bool {
        switch value {
        case "yes", "device-width", "device-height": return true
        case "no": return false
        default: return numericPrefix(value).map { abs($0) >= 1 } ?? false
        }
    }

    /// §10.3 scale values: yes → 1, device keywords → 10, no and unknown → 0; a negative number
    /// is `auto` (nil: no limit).
    static func scale(_ value: String) -> Double? {
        switch value {
        case "yes": return 1
        case "device-width", "device-height": return 10
        case "no": return 0
        default:
            guard let number = numericPrefix(value) else { return 0 }
            return number < 0 ? nil : number
        }
    }
}
