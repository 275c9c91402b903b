import Foundation
import CXMLShim

extension HTMLDocument {
    func extractScripts() -> [HTMLScript] {
        let base = URLResolver.ParsedBase(baseURL)
        return elements { $0.hasName("script") }.map { node in
            let source = node.attribute("src")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return HTMLScript(
                url: source.isEmpty ? nil : URLResolver.resolve(source, against: base),
                inlineText: source.isEmpty ? node.rawText : "", element: snapshot(node))
        }
    }

    /// `<link>` whose `rel` has the token `stylesheet` (so `alternate stylesheet` counts) and
    /// `<style>` blocks, in document order.
    func extractStylesheets() -> [HTMLStylesheet] {
        let base = URLResolver.ParsedBase(baseURL)
        return elements { $0.hasName("style") || ($0.hasName("link") && HTMLDocument.isStylesheetLink($0)) }
            .compactMap { node in
                guard node.hasName("link") else {
                    return HTMLStylesheet(url: nil, inlineText: node.rawText, element: snapshot(node))
                }
                guard let url = node.attribute("href").flatMap({ URLResolver.resolve($0, against: base) }) else { return nil }
                return HTMLStylesheet(url: url, inlineText: "", element: snapshot(node))
            }
    }

    func extractMetas() -> [HTMLMeta] {
        elements { $0.hasName("meta") }.map { node in
            func trimmed(_ name: String) -> String? {
                node.attribute(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            return HTMLMeta(
                name: trimmed("name"), httpEquiv: trimmed("http-equiv"), property: trimmed("property"),
                content: trimmed("content") ?? "", element: snapshot(node))
        }
    }

    private static func isStylesheetLink(_ node: NodePointer) -> Bool {
        guard let rel = node.attribute("rel") else { return false }
        return rel.lowercased().split(whereSeparator: \.isWhitespace).contains("stylesheet")
    }
}
