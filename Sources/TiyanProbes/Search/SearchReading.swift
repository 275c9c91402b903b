import TiyanCore
import TiyanHTML

extension SearchRun {
    /// Reads one engine's archived responses: finds its result list from all of them at once,
    /// then reads each response and checks what it read against what the page says. Each
    /// response is parsed once. Not Sendable: it holds parsed pages.
    final class Reading {
        let site: SiteContext
        let settings: SearchJudging
        private var pages: [Int: SitePage] = [:]
        private var structures: [Int: PageStructure] = [:]
        private var baseline: PageStructure?

        init(site: SiteContext, settings: SearchJudging) {
            self.site = site
            self.settings = settings
        }

        struct Judged {
            var failure: (status: Status, reason: String)?
            var items: [ResultItem] = []
            var shell = false
            /// No list was found for the engine and the page does not say it found nothing.
            var unlisted = false
            /// The page's own words on its results (a count, or that nothing was found).
            var statement: String?
        }

        private var configuration: Target.SearchConfiguration? { site.site.target.search }

        private func page(_ record: FetchRecord) -> SitePage {
            if let page = pages[record.sequence] { return page }
            let made = site.parseOnce(record)
            pages[record.sequence] = made
            return made
        }

        private func structure(_ record: FetchRecord) -> PageStructure {
            if let structure = structures[record.sequence] { return structure }
            let made = PageStructure(tree: page(record).document.tree, paginationLink: settings.paginationLink)
            structures[record.sequence] = made
            return made
        }

        /// An answer in JSON: declared so, or an API the crawl found in a result page's scripts
        /// answering JSON under another type (Java back ends often say text/html).
        private static func isJSON(_ record: FetchRecord) -> Bool {
            if record.contentType?.lowercased().contains("json") ?? false { return true }
            guard isAPI(record) else { return false }
            let first = record.body.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        }

        /// Asked of the API the crawl found in a script-shell result page (TargetSession+Search).
        static func isAPI(_ record: FetchRecord) -> Bool { record.discoveredFrom?.hasPrefix("api ") == true }

        private var answers: [Int: JSONValue?] = [:]

        private func answer(_ record: FetchRecord) -> JSONValue? {
            if let cached = answers[record.sequence] { return cached }
            let value = try? JSONValue.parse(CharsetDecoder.decode(record.body, contentType: record.contentType).text)
            answers[record.sequence] = value
            return value
        }

        /// Why the response is no answer at all (network, HTTP, bot challenge); nil when it is one.
        private func transportFailure(_ record: FetchRecord) -> (status: Status, reason: String)? {
            if let error = record.error {
                let status = record.status.map { "HTTP \($0), " } ?? ""
                return (error.indicatorStatus, "\(status)\(error.rawValue)\(record.errorDetail.map { " (\($0))" } ?? "")")
            }
            guard let code = record.status else { return (.unreachable, "no response") }
            guard (200..<300).contains(code) else { return (.unreachable, "HTTP \(code)") }
            if !Self.isJSON(record), case let .challenge(reason) = page(record).nature {
                return (.blocked, "bot challenge (\(reason))")
            }
            return nil
        }

        private func readableHTML(_ record: FetchRecord) -> Bool {
            transportFailure(record) == nil && !Self.isJSON(record)
        }

        /// The text of a response, for telling whether responses differ.
        func pageText(_ record: FetchRecord) -> String? {
            readableHTML(record) ? page(record).document.visibleText : nil
        }

        /// The engine's result list: the configured one; else the class hints when contrast
        /// confirms them; else the structural group that varies with the query and is empty for
        /// the nonsense query.
        func locate(_ records: [FetchRecord], baseline record: FetchRecord?) -> ResultListSource? {
            if let configuration {
                return ResultListSource(method: .override, xpath: configuration.item, key: nil)
            }
            if records.contains(where: Self.isAPI) {
                let answered = records.filter { transportFailure($0) == nil && Self.isJSON($0) }.compactMap(answer)
                let nonsense = record.flatMap { transportFailure($0) == nil && Self.isJSON($0) ? answer($0) : nil }
                guard let list = settings.json.find(answers: answered, baseline: nonsense) else { return nil }
                var source = ResultListSource(method: .jsonAndContrast,
                                              xpath: "\(list.path) (title \(list.titleKey), link \(list.linkKey ?? "none"))",
                                              key: nil)
                source.json = list
                source.api = apiTemplate()
                return source
            }
            let html = records.filter(readableHTML)
            let baselineHTML = record.flatMap { readableHTML($0) ? $0 : nil }
            let hinted = html.map { settings.extractor.hintedItems(of: page($0).document) }
            if ResultListFinder.confirms(hint: hinted, baseline: baselineHTML.map { settings.extractor.hintedItems(of: page($0).document) }) {
                return ResultListSource(method: .hint, xpath: settings.extractor.itemXPath, key: nil)
            }
            baseline = baselineHTML.map(structure)
            return ResultListFinder.find(pages: html.map(structure), baseline: baseline)
        }

        func judge(_ record: FetchRecord, source: ResultListSource?) -> Judged {
            if let failure = transportFailure(record) { return Judged(failure: failure) }
            var judged = Judged()
            if let configuration {
                switch settings.extractor.configuredItems(of: record, page: { page(record) }, configuration: configuration) {
                case let .unreadable(reason):
                    return Judged(failure: (.undetermined, reason))
                case let .items(items):
                    judged.items = items
                }
                if Self.isJSON(record) { return judged }
            } else if Self.isJSON(record) {
                guard let list = source?.json, let value = answer(record) else {
                    judged.unlisted = true
                    return judged
                }
                judged.items = settings.json.items(of: value, list: list, baseURL: record.finalURL)
                // An answer with the list empty is the API saying it found nothing.
                if let total = settings.json.total(of: value, list: list) {
                    let stated = ResultStatements.Statement(count: total, text: "total: \(total)")
                    judged.statement = stated.text
                    if let reason = settings.statements.disagreement(read: judged.items.count, stated: stated) {
                        judged.failure = (.undetermined, reason)
                        judged.items = []
                    }
                }
                return judged
            } else if let source {
                let document = page(record).document
                judged.items = source.key.map {
                    settings.extractor.structuralItems(of: structure(record), key: $0, baseURL: document.baseURL)
                } ?? settings.extractor.hintedItems(of: document)
            }
            let text = page(record).document.visibleText
            if let stated = settings.statements.count(in: text) {
                judged.statement = stated.text
                if let reason = settings.statements.disagreement(read: judged.items.count, stated: stated) {
                    judged.failure = (.undetermined, reason)
                    judged.items = []
                }
                return judged
            }
            guard judged.items.isEmpty else { return judged }
            if let nothing = settings.statements.saysNothingFound(text) {
                judged.statement = nothing
                return judged
            }
            if let reason = page(record).shellReason {
                judged.shell = true
                judged.failure = (.undetermined, "script-rendered result page (\(reason)): no items in the HTML")
                return judged
            }
            guard let source else {
                judged.unlisted = true
                return judged
            }
            // The list is absent and nothing is said: a real zero only if the page is, as far as
            // its link groups go, the nonsense query's page.
            if let key = source.key, let baseline {
                let unexplained = structure(record).groups.filter { entry in
                    entry.key != key && entry.value.count >= 2 && baseline.groups[entry.key] == nil
                }
                if let sample = unexplained.keys.sorted().first {
                    let parent = structure(record).parents[sample] ?? sample
                    judged.failure = (.undetermined, "the result list was not found, and the page holds repeated links the nonsense query's page does not (\(parent))")
                }
            }
            return judged
        }

        /// The API re-derived from the archive: the script-shell result page and the scripts it
        /// loads, read with the crawl's patterns. Evidence only; nil when it cannot be.
        private func apiTemplate() -> String? {
            let shells = site.records(.searchResults).filter { !Self.isAPI($0) && readableHTML($0) }
            guard let shell = shells.first else { return nil }
            let document = page(shell).document
            let loaded = Set(document.scripts.compactMap(\.url))
            var scripts: [(url: String, text: String)] = document.scripts.filter { $0.url == nil && !$0.inlineText.isEmpty }
                .map { (document.url, $0.inlineText) }
            scripts += site.records(.script).filter { $0.error == nil && (loaded.contains($0.url) || loaded.contains($0.finalURL)) }
                .map { ($0.finalURL, site.text(of: $0)) }
            return SearchAPIFinder.find(in: scripts, pageURL: shell.finalURL, templates: settings.apiTemplates,
                                        params: settings.apiParams)?.template
        }
    }
}
