/// Selectors as XPath 1.0 over an HTML document whose element names libxml2 has lowercased.
extension CSSSelector {
    /// An XPath selecting the elements the selector matches, or nil when the selector only
    /// matches states or pseudo-elements a page at rest does not have.
    public var xpath: String? {
        guard matchesStaticElements else { return nil }
        var path = ""
        for part in parts {
            let compound = part.compound
            switch part.combinator {
            case nil, .descendant?:
                path += "//" + (compound.type ?? "*") + compound.predicates
            case .child?:
                path += "/" + (compound.type ?? "*") + compound.predicates
            case .nextSibling?:
                path += "/following-sibling::*[1]" + (compound.type.map { "[self::\($0)]" } ?? "") + compound.predicates
            case .subsequentSibling?:
                path += "/following-sibling::" + (compound.type ?? "*") + compound.predicates
            }
        }
        return path
    }
}

extension CSSSelector.Compound {
    var predicates: String {
        var result = ""
        for id in ids {
            result += "[@id=\(xpathLiteral(id))]"
        }
        for name in classes {
            result += "[contains(concat(' ', normalize-space(@class), ' '), \(xpathLiteral(" \(name) ")))]"
        }
        for test in attributes {
            result += "[\(test.predicate)]"
        }
        for pseudo in pseudoClasses {
            switch pseudo {
            case .firstChild: result += "[not(preceding-sibling::*)]"
            case .lastChild: result += "[not(following-sibling::*)]"
            case .onlyChild: result += "[not(preceding-sibling::*) and not(following-sibling::*)]"
            case .root: result += "[not(parent::*)]"
            case .link: result += "[@href and (self::a or self::area)]"
            case .empty: result += "[not(node())]"
            case .nthChild(let a, let b):
                let position = "(count(preceding-sibling::*) + 1)"
                if a == 0 {
                    result += "[\(position) = \(b)]"
                } else {
                    // position = a*n + b for some n ≥ 0.
                    let comparison = a > 0 ? "\(position) >= \(b)" : "\(position) <= \(b)"
                    result += "[\(comparison) and (\(position) - \(b)) mod \(abs(a)) = 0]"
                }
            case .not(let inner):
                result += "[not(self::\(inner.type ?? "*")\(inner.predicates))]"
            case .dynamic:
                break
            }
        }
        return result
    }
}

extension CSSSelector.AttributeTest {
    var predicate: String {
        let attribute = "@\(name)"
        let literal = xpathLiteral(value)
        switch match {
        case .exists: return attribute
        case .equals: return "\(attribute)=\(literal)"
        case .includes:
            return "contains(concat(' ', normalize-space(\(attribute)), ' '), \(xpathLiteral(" \(value) ")))"
        case .dashMatch: return "\(attribute)=\(literal) or starts-with(\(attribute), \(xpathLiteral(value + "-")))"
        case .prefix: return value.isEmpty ? "false()" : "starts-with(\(attribute), \(literal))"
        case .suffix:
            return value.isEmpty ? "false()"
                : "substring(\(attribute), string-length(\(attribute)) - string-length(\(literal)) + 1)=\(literal)"
        case .substring: return value.isEmpty ? "false()" : "contains(\(attribute), \(literal))"
        }
    }
}

/// An XPath string literal for any text (XPath 1.0 has no escapes: mixed quotes need concat).
func xpathLiteral(_ text: String) -> String {
    if !text.contains("'") { return "'\(text)'" }
    if !text.contains("\"") { return "\"\(text)\"" }
    let pieces = text.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
    return "concat(" + pieces.joined(separator: ", \"'\", ") + ")"
}
