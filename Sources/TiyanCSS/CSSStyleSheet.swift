/// A style rule as it applies: its selectors, declarations and the `@media` conditions around it.
public struct CSSStyleRule: Sendable, Hashable {
    /// The selector list as written (comments removed, whitespace collapsed).
    public var selectorText: String
    /// The selector list split at top-level commas.
    public var selectors: [String]
    public var declarations: [CSSDeclaration]
    /// The conditions of the enclosing `@media` blocks, outermost first; empty when none.
    public var media: [String]
    /// Position among the sheet's style rules, in source order (later wins ties in the cascade).
    public var index: Int
    /// The rule as text, for evidence.
    public var text: String

    public init(selectorText: String, selectors: [String], declarations: [CSSDeclaration], media: [String],
                index: Int, text: String) {
        self.selectorText = selectorText
        self.selectors = selectors
        self.declarations = declarations
        self.media = media
        self.index = index
        self.text = text
    }
}

/// An `@import` rule: where it points and for which media.
public struct CSSImport: Sendable, Hashable {
    public var url: String
    public var media: String

    public init(url: String, media: String) {
        self.url = url
        self.media = media
    }
}

/// A parsed stylesheet (CSS Syntax Level 3 §5.4.1 "consume a list of rules", CSS Nesting for
/// rules inside rules). `@font-face`, `@keyframes`, `@page` and unknown at-rules are skipped;
/// `@supports` and `@layer` blocks are entered as if their condition held, since a static
/// prober cannot ask a browser.
public struct CSSStyleSheet: Sendable, Hashable {
    public var rules: [CSSStyleRule] = []
    public var imports: [CSSImport] = []
    /// The `@charset` the sheet declares, if any.
    public var charset: String?
    /// Names of at-rules whose blocks were skipped (e.g. `font-face`, `keyframes`).
    public var skippedAtRules: [String] = []

    public init() {}

    public static func parse(_ text: String) -> CSSStyleSheet {
        var sheet = CSSStyleSheet()
        var builder = Builder(sheet: sheet)
        builder.consumeRules(CSSComponentValue.parseList(text), media: [], topLevel: true)
        sheet = builder.sheet
        return sheet
    }

    /// The `@charset "…";` at the very start of a sheet's bytes read as ASCII, which is how a
    /// browser decides a sheet's encoding before decoding it (CSS Syntax §3.2).
    public static func declaredCharset(in bytes: [UInt8]) -> String? {
        let prefix: [UInt8] = Array("@charset \"".utf8)
        guard bytes.count > prefix.count, Array(bytes.prefix(prefix.count)) == prefix else { return nil }
        var name: [UInt8] = []
        for byte in bytes.dropFirst(prefix.count).prefix(64) {
            if byte == UInt8(ascii: "\"") {
                return String(decoding: name, as: UTF8.self)
            }
            guard byte >= 0x20, byte < 0x7F else { return nil }
            name.append(byte)
        }
        return nil
    }
}

private struct Builder {
    var sheet: CSSStyleSheet

    /// Qualified and at-rules of a sheet or of an `@media` block.
    mutating func consumeRules(_ components: [CSSComponentValue], media: [String], topLevel: Bool) {
        var prelude: [CSSComponentValue] = []
        var index = 0
        while index < components.count {
            let component = components[index]
            index += 1
            if prelude.isEmpty {
                if component.isTrivia { continue }
                if let kind = component.token?.kind, topLevel, kind == .cdo || kind == .cdc { continue }
                if case .atKeyword(let name)? = component.token?.kind {
                    var atPrelude: [CSSComponentValue] = []
                    var block: [CSSComponentValue]?
                    while index < components.count {
                        let part = components[index]
                        index += 1
                        if part.token?.kind == .semicolon { break }
                        if case .block("{", let contents) = part {
                            block = contents
                            break
                        }
                        atPrelude.append(part)
                    }
                    consumeAtRule(name.lowercased(), prelude: atPrelude, block: block, media: media)
                    continue
                }
            }
            if case .block("{", let contents) = component {
                addStyleRule(prelude: prelude, block: contents, media: media, parentSelectors: nil)
                prelude.removeAll()
            } else {
                prelude.append(component)
            }
        }
    }

    mutating func consumeAtRule(_ name: String, prelude: [CSSComponentValue], block: [CSSComponentValue]?,
                                media: [String]) {
        let condition = prelude.serialized()
        switch name {
        case "charset":
            if case .string(let value)? = prelude.trimmingTrivia().first?.token?.kind {
                sheet.charset = value
            }
        case "import":
            var parts = prelude.trimmingTrivia()
            guard let first = parts.popFirst() else { return }
            var url: String?
            switch first {
            case .token(let token):
                if case .url(let value) = token.kind { url = value }
                if case .string(let value) = token.kind { url = value }
            case .function(let function, _, let arguments) where function.lowercased() == "url":
                if case .string(let value)? = arguments.trimmingTrivia().first?.token?.kind { url = value }
            default:
                break
            }
            if let url {
                sheet.imports.append(CSSImport(url: url, media: Array(parts).serialized()))
            }
        case "media":
            guard let block else { return }
            consumeRules(block, media: media + [condition], topLevel: false)
        case "supports", "layer", "document", "-moz-document", "container", "scope":
            guard let block else { return }
            consumeRules(block, media: media, topLevel: false)
        default:
            if block != nil { sheet.skippedAtRules.append(name) }
        }
    }

    /// A style rule, and any rules nested inside its block (CSS Nesting: `&` stands for the
    /// parent; a nested selector without `&` is a descendant of it).
    mutating func addStyleRule(prelude: [CSSComponentValue], block: [CSSComponentValue], media: [String],
                               parentSelectors: [String]?) {
        let selectorText = prelude.serialized()
        guard !selectorText.isEmpty else { return }
        var selectors = CSSSelectorList.split(selectorText)
        if let parentSelectors {
            selectors = selectors.flatMap { selector in
                parentSelectors.map { parent in
                    selector.contains("&") ? selector.replacingAmpersand(with: parent) : "\(parent) \(selector)"
                }
            }
        }
        let (declarationComponents, nested) = splitNested(block)
        let declarations = CSSDeclarationParser.parse(components: declarationComponents)
        let rule = CSSStyleRule(
            selectorText: selectors.joined(separator: ", "), selectors: selectors, declarations: declarations,
            media: media, index: sheet.rules.count,
            text: "\(selectors.joined(separator: ", ")) { \(declarations.map(\.text).joined(separator: "; ")) }")
        sheet.rules.append(rule)
        for (nestedPrelude, nestedBlock) in nested {
            if case .atKeyword(let name)? = nestedPrelude.first?.token?.kind, name.lowercased() == "media" {
                let condition = Array(nestedPrelude.dropFirst()).serialized()
                addStyleRule(prelude: prelude, block: nestedBlock, media: media + [condition],
                             parentSelectors: parentSelectors)
            } else if nestedPrelude.first?.token.map({ if case .atKeyword = $0.kind { true } else { false } }) != true {
                addStyleRule(prelude: nestedPrelude, block: nestedBlock, media: media, parentSelectors: selectors)
            }
        }
    }

    /// Separates a block's declarations from the rules nested in it. A nested rule is a prelude
    /// that does not start like a declaration (`ident :`) followed by a `{}` block.
    func splitNested(_ block: [CSSComponentValue])
        -> ([CSSComponentValue], [([CSSComponentValue], [CSSComponentValue])]) {
        var declarations: [CSSComponentValue] = []
        var nested: [([CSSComponentValue], [CSSComponentValue])] = []
        var chunk: [CSSComponentValue] = []
        // Only a custom property may carry a `{}` block in its value; any other chunk ending in
        // a block is a nested rule, `a:hover { … }` included.
        func isCustomProperty(_ parts: [CSSComponentValue]) -> Bool {
            guard case .ident(let name)? = parts.trimmingTrivia().first?.token?.kind else { return false }
            return name.hasPrefix("--")
        }
        for component in block {
            if component.token?.kind == .semicolon {
                declarations.append(contentsOf: chunk)
                declarations.append(component)
                chunk.removeAll()
            } else if case .block("{", let contents) = component, !isCustomProperty(chunk) {
                nested.append((Array(chunk.trimmingTrivia()), contents))
                chunk.removeAll()
            } else {
                chunk.append(component)
            }
        }
        declarations.append(contentsOf: chunk)
        return (declarations, nested)
    }
}

extension String {
    fileprivate func replacingAmpersand(with parent: String) -> String {
        var result = ""
        for character in self {
            if character == "&" { result += parent } else { result.append(character) }
        }
        return result
    }
}
