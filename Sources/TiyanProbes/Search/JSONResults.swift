import TiyanCore
import TiyanHTML

/// The result list of a search API found without configuration, by the same contrast as HTML
/// lists: of the arrays of objects in the answers, the one whose titles change with the query
/// and that is empty for the nonsense query. Its title is the field named like a title
/// (`title`, `name`, `sxmc`…) or else the longest text; its link the field holding a URL or path.
struct JSONResults: Sendable {
    /// Field names of a result's title, link, and of the stated total beside the list.
    let titleKeys: Pattern
    let linkKeys: Pattern
    let totalKeys: Pattern

    struct List: Sendable {
        /// Dotted path of the array (ResultExtractor.follow).
        let path: String
        let titleKey: String
        let linkKey: String?
    }

    /// Every array of objects (and every empty array) reachable through objects, by dotted path.
    static func arrays(in value: JSONValue, path: String = "", depth: Int = 0) -> [(path: String, items: [JSONValue])] {
        guard depth <= 6, case let .object(pairs) = value else { return [] }
        var found: [(path: String, items: [JSONValue])] = []
        for (key, child) in pairs {
            let here = path.isEmpty ? key : path + "." + key
            if let array = child.arrayValue {
                if array.allSatisfy({ if case .object = $0 { return true } else { return false } }) {
                    found.append((here, array))
                }
            } else {
                found += arrays(in: child, path: here, depth: depth + 1)
            }
        }
        return found
    }

    func find(answers: [JSONValue], baseline: JSONValue?) -> List? {
        var lists: [String: [[JSONValue]]] = [:]
        for answer in answers {
            for (path, items) in Self.arrays(in: answer) { lists[path, default: []].append(items) }
        }
        let empty = Set((baseline.map { Self.arrays(in: $0) } ?? []).filter { $0.items.isEmpty }.map(\.path))
        let baselinePaths = Set((baseline.map { Self.arrays(in: $0) } ?? []).map(\.path))
        var best: (list: List, score: (Int, Int, Int))?
        for (path, answersLists) in lists.sorted(by: { $0.key < $1.key }) {
            // The nonsense query's answer has this list empty, or (an API that leaves it out) not at all.
            if baseline != nil, baselinePaths.contains(path), !empty.contains(path) { continue }
            let objects = answersLists.flatMap { $0 }
            guard !objects.isEmpty, let title = titleKey(of: objects) else { continue }
            let filled = answersLists.filter { !$0.isEmpty }
            let titles = Set(filled.map { $0.map { Self.text($0[title]) ?? "" } })
            guard filled.count == 1 || titles.count >= 2 else { continue }
            let link = linkKey(of: objects)
            let score = (link == nil ? 0 : 1, filled.count, objects.count)
            if best.map({ score > $0.score }) ?? true {
                best = (List(path: path, titleKey: title, linkKey: link), score)
            }
        }
        return best?.list
    }

    func items(of answer: JSONValue, list: List, baseURL: String) -> [ResultItem] {
        let objects = ResultExtractor.follow(list.path, in: answer)?.arrayValue ?? []
        return objects.enumerated().compactMap { index, object in
            guard let title = Self.text(object[list.titleKey]), !title.isEmpty else { return nil }
            let raw = list.linkKey.flatMap { Self.text(object[$0]) } ?? ""
            return ResultItem(title: title, link: URLResolver.resolve(raw, against: baseURL) ?? raw,
                              locator: "\(list.path)[\(index)]")
        }
    }

    /// The total the API states beside the list (`total`, `totalCount`…), when it does.
    func total(of answer: JSONValue, list: List) -> Int? {
        let parent = list.path.split(separator: ".").dropLast().joined(separator: ".")
        guard case let .object(pairs)? = parent.isEmpty ? answer : ResultExtractor.follow(parent, in: answer) else { return nil }
        for (key, value) in pairs where totalKeys.matches(key) {
            if let number = value.doubleValue { return Int(number) }
            if let text = value.stringValue, let number = Int(text) { return number }
        }
        return nil
    }

    private func keys(of objects: [JSONValue]) -> [String] {
        var seen: [String] = []
        for object in objects {
            guard case let .object(pairs) = object else { continue }
            for (key, _) in pairs where !seen.contains(key) { seen.append(key) }
        }
        return seen
    }

    /// String fields present in at least half the objects.
    private func textKeys(of objects: [JSONValue]) -> [String] {
        keys(of: objects).filter { key in objects.filter { Self.text($0[key]).map { !$0.isEmpty } ?? false }.count * 2 >= objects.count }
    }

    private func titleKey(of objects: [JSONValue]) -> String? {
        let candidates = textKeys(of: objects).filter { key in !objects.contains { Self.looksLikeLink(Self.text($0[key]) ?? "") } }
        if let named = candidates.first(where: { titleKeys.matches($0) }) { return named }
        func length(_ key: String) -> Int { objects.map { SearchText.plain(Self.text($0[key]) ?? "").count }.reduce(0, +) }
        return candidates.max { length($0) < length($1) }
    }

    private func linkKey(of objects: [JSONValue]) -> String? {
        let candidates = textKeys(of: objects).filter { key in objects.allSatisfy { Self.looksLikeLink(Self.text($0[key]) ?? "/") } }
        return candidates.first(where: { linkKeys.matches($0) }) ?? candidates.first
    }

    static func looksLikeLink(_ text: String) -> Bool {
        text.hasPrefix("/") || text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("./")
    }

    static func text(_ value: JSONValue?) -> String? {
        value?.stringValue
    }
}
