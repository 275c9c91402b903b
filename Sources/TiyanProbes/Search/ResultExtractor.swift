import Foundation
import TiyanCore
import TiyanHTML

/// Reads the result items of one search response: by the XPath or dotted JSON path of
/// `search:` in targets.yaml when configured (an override), otherwise by the list
/// ResultListFinder chose for the engine (structure and contrast, or a confirmed class hint).
struct ResultExtractor: Sendable {
    /// The class-name hints of probes/search.yaml: result items of a discovered search.
    let itemXPath: String
    /// The link of a hinted item: the first of these with text.
    let titleXPath: String

    enum Extraction {
        case items([ResultItem])
        /// The response could not be read as the configuration says (e.g. not JSON).
        case unreadable(String)
    }

    /// The configured reading of a response (`search:` in targets.yaml).
    func configuredItems(of record: FetchRecord, page: () -> SitePage,
                         configuration: Target.SearchConfiguration) -> Extraction {
        switch configuration.results {
        case .html:
            return .items(htmlItems(page().document, item: configuration.item, title: configuration.title,
                                    link: configuration.link))
        case .json:
            return jsonItems(record, configuration)
        }
    }

    /// What the class-name hints pick on a page.
    func hintedItems(of document: HTMLDocument) -> [ResultItem] {
        htmlItems(document, item: itemXPath, title: titleXPath, link: nil)
    }

    /// The blocks of the chosen structural group on a page, as results.
    func structuralItems(of structure: PageStructure, key: String, baseURL: String) -> [ResultItem] {
        (structure.groups[key] ?? []).map { block in
            ResultItem(title: block.title, link: URLResolver.resolve(block.href, against: baseURL) ?? block.href,
                       locator: block.locator)
        }
    }

    private func htmlItems(_ document: HTMLDocument, item: String, title: String, link: String?) -> [ResultItem] {
        guard let elements = try? document.select(item) else { return [] }
        return elements.compactMap { element in
            guard let heading = (try? document.select(title, in: element))?.first(where: { !$0.text.isEmpty }) else {
                return nil
            }
            let href: String?
            if let link {
                let target = (try? document.select(link, in: element))?.first
                href = target.flatMap { Self.value(of: $0, selectedBy: link) }
            } else {
                href = heading.attribute("href")
            }
            let resolved = href.flatMap { URLResolver.resolve($0, against: document.baseURL) } ?? href ?? ""
            return ResultItem(title: heading.text, link: resolved, locator: element.xpath)
        }
    }

    /// `.//a/@href` selects the attribute (returned as its element): read that attribute;
    /// otherwise the element's href, else its text.
    private static func value(of element: HTMLElement, selectedBy xpath: String) -> String? {
        if let at = xpath.range(of: "@", options: .backwards) {
            let name = xpath[at.upperBound...]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                return element.attribute(String(name))
            }
        }
        return element.attribute("href") ?? (element.text.isEmpty ? nil : element.text)
    }

    private func jsonItems(_ record: FetchRecord, _ configuration: Target.SearchConfiguration) -> Extraction {
        let text = CharsetDecoder.decode(record.body, contentType: record.contentType).text
        guard let root = try? JSONValue.parse(text) else {
            return .unreadable("the search API did not answer JSON")
        }
        guard let list = Self.follow(configuration.item, in: root)?.arrayValue else {
            return .unreadable("the search API answer has no list at \(configuration.item)")
        }
        return .items(list.enumerated().compactMap { index, item in
            guard let title = Self.follow(configuration.title, in: item).flatMap(Self.text), !title.isEmpty else {
                return nil
            }
            let raw = Self.follow(configuration.link, in: item).flatMap(Self.text) ?? ""
            let link = URLResolver.resolve(raw, against: record.finalURL) ?? raw
            return ResultItem(title: title, link: link, locator: "\(configuration.item)[\(index)]")
        })
    }

    /// A dotted path: object keys, or indexes into arrays.
    static func follow(_ path: String, in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for component in path.split(separator: ".") where !component.isEmpty {
            if let index = Int(component), let array = current?.arrayValue {
                current = array.indices.contains(index) ? array[index] : nil
            } else {
                current = current?[String(component)]
            }
        }
        return current
    }

    private static func text(_ value: JSONValue) -> String? {
        if let string = value.stringValue { return string }
        if let number = value.doubleValue { return JSONValue.format(number) }
        return nil
    }
}
