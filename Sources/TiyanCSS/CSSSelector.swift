/// Selectors Level 4, the part a static prober can evaluate: type, universal, `#id`, `.class`,
/// attribute selectors, structural pseudo-classes, `:not()` with simple arguments, and the four
/// combinators. Anything else makes `parse` return nil, so an unknown selector never matches by
/// mistake.
public struct CSSSelector: Sendable, Hashable {
    public enum Combinator: Sendable, Hashable {
        case descendant, child, nextSibling, subsequentSibling
    }

    public struct AttributeTest: Sendable, Hashable {
        public enum Match: Sendable, Hashable {
            case exists, equals, includes, dashMatch, prefix, suffix, substring
        }
        public var name: String
        public var match: Match
        public var value: String
    }

    public enum PseudoClass: Sendable, Hashable {
        case firstChild, lastChild, onlyChild, root, link, empty
        /// `:nth-child(an+b)`.
        case nthChild(a: Int, b: Int)
        case not(Compound)
        /// `:hover`, `:focus`, `:visited` and the like: states a page at rest is not in.
        case dynamic(String)
    }

    public struct Compound: Sendable, Hashable {
        /// Lowercased; nil for `*` or when no type is given.
        public var type: String?
        public var ids: [String] = []
        public var classes: [String] = []
        public var attributes: [AttributeTest] = []
        public var pseudoClasses: [PseudoClass] = []
        /// `::before`, `::first-line`, …
        public var pseudoElement: String?
        /// Written as `*`: any element (same as no type).
        public var isUniversal = false

        var isEmpty: Bool {
            !isUniversal && type == nil && ids.isEmpty && classes.isEmpty && attributes.isEmpty && pseudoClasses.isEmpty
                && pseudoElement == nil
        }
    }

    public struct Part: Sendable, Hashable {
        /// How this compound relates to the previous one; nil for the first.
        public var combinator: Combinator?
        public var compound: Compound
    }

    public var parts: [Part]
    public var text: String

    /// The subject: the compound the selector styles.
    public var subject: Compound? { parts.last?.compound }

    /// (ids, classes/attributes/pseudo-classes, types/pseudo-elements), compared in order.
    public var specificity: CSSSpecificity {
        parts.reduce(CSSSpecificity()) { $0 + $1.compound.specificity }
    }

    /// Whether the selector can match an element of a page at rest: no pseudo-element and no
    /// dynamic state such as `:hover`.
    public var matchesStaticElements: Bool {
        parts.allSatisfy { part in
            part.compound.pseudoElement == nil
                && part.compound.pseudoClasses.allSatisfy {
                    if case .dynamic = $0 { return false }
                    return true
                }
        }
    }

    public static func parse(_ text: String) -> CSSSelector? {
        var parser = SelectorParser(components: Array(CSSComponentValue.parseList(text).trimmingTrivia()))
        guard let parts = parser.parseComplex(), !parts.isEmpty else { return nil }
        return CSSSelector(parts: parts, text: text)
    }
}

public struct CSSSpecificity: Sendable, Hashable, Comparable {
    public var ids = 0
    public var classes = 0
    public var types = 0

    public init(ids: Int = 0, classes: Int = 0, types: Int = 0) {
        self.ids = ids
        self.classes = classes
        self.types = types
    }

    public static func + (lhs: CSSSpecificity, rhs: CSSSpecificity) -> CSSSpecificity {
        CSSSpecificity(ids: lhs.ids + rhs.ids, classes: lhs.classes + rhs.classes, types: lhs.types + rhs.types)
    }

    public static func < (lhs: CSSSpecificity, rhs: CSSSpecificity) -> Bool {
        (lhs.ids, lhs.classes, lhs.types) < (rhs.ids, rhs.classes, rhs.types)
    }
}

extension CSSSelector.Compound {
    var specificity: CSSSpecificity {
        var result = CSSSpecificity(
            ids: ids.count, classes: classes.count + attributes.count,
            types: (type == nil ? 0 : 1) + (pseudoElement == nil ? 0 : 1))
        for pseudo in pseudoClasses {
            if case .not(let inner) = pseudo {
                result = result + inner.specificity
            } else {
                result.classes += 1
            }
        }
        return result
    }
}

/// Splits selector lists at top-level commas (commas inside `:is(a, b)` or strings stay).
public enum CSSSelectorList {
    public static func split(_ text: String) -> [String] {
        var selectors: [String] = []
        var current: [CSSComponentValue] = []
        for component in CSSComponentValue.parseList(text) {
            if component.token?.kind == .comma {
                selectors.append(current.serialized())
                current.removeAll()
            } else {
                current.append(component)
            }
        }
        selectors.append(current.serialized())
        return selectors.filter { !$0.isEmpty }
    }
}

private struct SelectorParser {
    var components: [CSSComponentValue]
    var index = 0

    init(components: [CSSComponentValue]) {
        self.components = components
    }

    private var current: CSSComponentValue? {
        index < components.count ? components[index] : nil
    }

    mutating func parseComplex() -> [CSSSelector.Part]? {
        var parts: [CSSSelector.Part] = []
        var pendingCombinator: CSSSelector.Combinator?
        while current != nil {
            var sawTrivia = false
            while let component = current, component.isTrivia {
                sawTrivia = true
                index += 1
            }
            guard let component = current else { break }
            if case .delim(let symbol)? = component.token?.kind, [">", "+", "~"].contains(symbol) {
                guard !parts.isEmpty, pendingCombinator == nil else { return nil }
                pendingCombinator = symbol == ">" ? .child : symbol == "+" ? .nextSibling : .subsequentSibling
                index += 1
                continue
            }
            if !parts.isEmpty && pendingCombinator == nil {
                guard sawTrivia else { return nil }
                pendingCombinator = .descendant
            }
            guard let compound = parseCompound(), !compound.isEmpty else { return nil }
            parts.append(CSSSelector.Part(combinator: parts.isEmpty ? nil : pendingCombinator, compound: compound))
            pendingCombinator = nil
        }
        return pendingCombinator == nil ? parts : nil
    }

    /// Reads simple selectors up to trivia, a combinator or the end.
    mutating func parseCompound() -> CSSSelector.Compound? {
        var compound = CSSSelector.Compound()
        var isFirst = true
        while let component = current, !component.isTrivia {
            if case .delim(let symbol)? = component.token?.kind, [">", "+", "~"].contains(symbol) { break }
            index += 1
            defer { isFirst = false }
            switch component {
            case .token(let token):
                switch token.kind {
                case .ident(let name):
                    guard isFirst else { return nil }
                    compound.type = name.lowercased()
                case .delim("*"):
                    guard isFirst else { return nil }
                    compound.isUniversal = true
                case .hash(let id, _):
                    compound.ids.append(id)
                case .delim("."):
                    guard case .ident(let name)? = current?.token?.kind else { return nil }
                    index += 1
                    compound.classes.append(name)
                case .colon:
                    guard compound.pseudoElement == nil, let pseudo = parsePseudo(into: &compound) else { return nil }
                    if let pseudo { compound.pseudoClasses.append(pseudo) }
                default:
                    return nil
                }
            case .block("[", let contents):
                guard let test = Self.attributeTest(contents) else { return nil }
                compound.attributes.append(test)
            default:
                return nil
            }
        }
        return compound
    }

    /// Called after a `:`. Returns `.some(nil)` for a pseudo-element (stored in the compound).
    mutating func parsePseudo(into compound: inout CSSSelector.Compound) -> CSSSelector.PseudoClass?? {
        if current?.token?.kind == .colon {
            index += 1
            guard case .ident(let name)? = current?.token?.kind else { return nil }
            index += 1
            compound.pseudoElement = name.lowercased()
            return .some(nil)
        }
        guard let component = current else { return nil }
        index += 1
        switch component {
        case .token(let token):
            guard case .ident(let rawName) = token.kind else { return nil }
            let name = rawName.lowercased()
            switch name {
            case "first-child": return .firstChild
            case "last-child": return .lastChild
            case "only-child": return .onlyChild
            case "root": return .root
            case "link", "any-link": return .link
            case "empty": return .empty
            case "before", "after", "first-line", "first-letter":
                // CSS 2 allowed pseudo-elements with one colon.
                compound.pseudoElement = name
                return .some(nil)
            case "hover", "focus", "active", "visited", "focus-within", "focus-visible", "target", "checked",
                "disabled", "enabled", "invalid", "valid", "placeholder-shown", "fullscreen":
                return .dynamic(name)
            default:
                return nil
            }
        case .function(let rawName, _, let arguments):
            switch rawName.lowercased() {
            case "not":
                var inner = SelectorParser(components: Array(arguments.trimmingTrivia()))
                guard let parts = inner.parseComplex(), parts.count == 1 else { return nil }
                return .not(parts[0].compound)
            case "nth-child":
                guard let (a, b) = Self.nth(Array(arguments.trimmingTrivia()).serialized()) else { return nil }
                return .nthChild(a: a, b: b)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// `odd`, `even`, `3`, `2n+1`, `-n+3`: enough for the zebra tables and first-N lists of portals.
    static func nth(_ text: String) -> (Int, Int)? {
        let compact = text.lowercased().filter { $0 != " " }
        switch compact {
        case "odd": return (2, 1)
        case "even": return (2, 0)
        default: break
        }
        // Beyond a billion no page has that many siblings, and `position - b` or `steps % a`
        // would overflow (a trap) on values near Int's limits: such a selector is invalid.
        let limit = 1_000_000_000
        guard let nIndex = compact.firstIndex(of: "n") else {
            return Int(compact).flatMap { (-limit...limit).contains($0) ? (0, $0) : nil }
        }
        let aText = String(compact[..<nIndex])
        let bText = String(compact[compact.index(after: nIndex)...])
        let a: Int?
        switch aText {
        case "", "+": a = 1
        case "-": a = -1
        default: a = Int(aText)
        }
        let b: Int? = bText.isEmpty ? 0 : Int(bText.hasPrefix("+") ? String(bText.dropFirst()) : bText)
        guard let a, let b, (-limit...limit).contains(a), (-limit...limit).contains(b) else { return nil }
        return (a, b)
    }

    static func attributeTest(_ contents: [CSSComponentValue]) -> CSSSelector.AttributeTest? {
        let parts = contents.filter { !$0.isTrivia }
        guard case .ident(let rawName)? = parts.first?.token?.kind else { return nil }
        let name = rawName.lowercased()
        if parts.count == 1 { return CSSSelector.AttributeTest(name: name, match: .exists, value: "") }
        var cursor = 1
        var match = CSSSelector.AttributeTest.Match.equals
        if case .delim(let symbol)? = parts[cursor].token?.kind, symbol != "=" {
            switch symbol {
            case "~": match = .includes
            case "|": match = .dashMatch
            case "^": match = .prefix
            case "$": match = .suffix
            case "*": match = .substring
            default: return nil
            }
            cursor += 1
        }
        guard cursor < parts.count, parts[cursor].token?.kind == .delim("=") else { return nil }
        cursor += 1
        guard cursor < parts.count else { return nil }
        let value: String
        switch parts[cursor].token?.kind {
        case .ident(let text)?: value = text
        case .string(let text)?: value = text
        default: return nil
        }
        // A trailing `i`/`s` flag is accepted; matching stays case-sensitive (HTML attribute
        // values on portals are written the way they are selected).
        guard parts.count <= cursor + 2 else { return nil }
        return CSSSelector.AttributeTest(name: name, match: match, value: value)
    }
}
