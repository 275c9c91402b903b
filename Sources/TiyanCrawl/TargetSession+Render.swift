import Foundation
import TiyanBrowser
import TiyanCore
import TiyanFetch
import TiyanHTML

/// The render stage: after a target's pages are fetched, the pages a citizen only sees after
/// their scripts ran are rendered in the browser, in a context of the target's own, with every
/// request answered by `RenderBroker`. Each view is archived beside the page it renders.
extension TargetSession {
    func renderPages() async throws {
        let mode = target.render ?? crawler.settings.render
        guard mode != .never, let renderer = crawler.settings.renderer else { return }
        var queue = pagesToRender(mode)
        guard !queue.isEmpty, discoveryRules.limits.renders > 0 else { return }
        try Task.checkCancellation()
        let context: BrowserContext
        do {
            context = try await renderer.makeContext()
        } catch {
            crawler.progress("[\(target.id)] render unavailable: \(error)")
            return
        }
        let broker = RenderBroker(
            target: target.id, records: records, robots: robotsPolicies, budget: discoveryRules.limits.renderRequests,
            fetcher: crawler.fetcher, archive: crawler.archive, ignoreRobots: crawler.settings.ignoreRobots,
            progress: crawler.progress)
        var adopted = 0
        var navigated = Set(queue.map(renderKey))
        var index = 0
        while index < queue.count, index < discoveryRules.limits.renders {
            if Task.isCancelled { break }
            let page = queue[index]
            index += 1
            let agent = UserAgent(profile: page.userAgentProfile)
            let url = HashRoutes.navigation(url: page.url, finalURL: page.finalURL)
            let job = RenderJob(
                pageSequence: page.sequence, url: url, viewport: viewport(for: page),
                userAgent: page.requestHeaders.value(of: "User-Agent") ?? agent.headerValue(contactURL: ""),
                timeCap: crawler.settings.renderTimeCap)
            var view: RenderedView?
            do {
                view = try await renderer.render(job, in: context) { request in
                    await broker.serve(request, page: url, userAgent: agent)
                }
            } catch let error as CancellationError {
                throw error
            } catch {
                crawler.progress("[\(target.id)] render failed: \(error) \(url)")
            }
            let fetched = await broker.archived
            adopt(Array(fetched.dropFirst(adopted)))
            adopted = fetched.count
            if let failure = await broker.failure() { throw failure }
            guard var view else { continue }
            view.warcOffset = try crawler.archive.append(render: view, target: target.id)
            crawler.progress("[\(target.id)] render \(view.waitOutcome.rawValue) \(view.elapsedMilliseconds)ms "
                             + "\(view.requests.count) requests \(url)")
            // What only the rendered page links to (a SPA's #/login, #/privacy) is fetched as the
            // page of its role, and rendered in turn when the mode asks for it.
            let found = try await discoverRoles(from: view, of: page)
            await broker.learn(found)
            for record in found where wanted(record, mode) && isRenderable(record) {
                if navigated.insert(renderKey(record)).inserted { queue.append(record) }
            }
        }
        await renderer.closeContext(context)
    }

    /// The pages `mode` asks for, in fetch order, each URL once per device.
    func pagesToRender(_ mode: RenderMode) -> [FetchRecord] {
        var seen = Set<String>()
        return records.filter { record in
            guard isRenderable(record), wanted(record, mode) else { return false }
            return seen.insert(renderKey(record)).inserted
        }
    }

    private func isRenderable(_ record: FetchRecord) -> Bool {
        guard record.role.isPage, record.role != .searchResults, record.error == nil,
              let status = record.status, (200..<300).contains(status), record.hasBody else { return false }
        return PageVerdict.looksLikeHTML(record)
    }

    /// One render per address a browser would show and device it is shown on.
    private func renderKey(_ record: FetchRecord) -> String {
        HashRoutes.navigation(url: record.url, finalURL: record.finalURL) + " " + record.userAgentProfile
    }

    /// Roles no usable page was found for, looked for among the rendered page's links (hash
    /// routes included) and fetched like any discovered page (robots.txt, the page budget).
    private func discoverRoles(from view: RenderedView, of page: FetchRecord) async throws -> [FetchRecord] {
        guard [.home, .homeMobile, .login, .register].contains(page.role), view.hasDOM else { return [] }
        let document = HTMLDocument(data: view.dom, contentType: "text/html; charset=utf-8",
                                    url: URLResolver.withoutFragment(view.url))
        // "PAGE XPATH «text» (rendered)": the page as the crawl fetched it (its route included),
        // so PR-03 can follow the chain of clicks, and the link's locator in the rendered DOM.
        let candidates = (Discovery.candidates(in: document).map { candidate in
            var candidate = candidate
            candidate.origin = page.url + candidate.origin.dropFirst(document.url.count)
            return candidate
        } + HashRoutes.links(in: document).compactMap { LinkCandidate(link: $0, origin: page.url) }).map { candidate in
            var candidate = candidate
            candidate.origin += " (rendered)"
            return candidate
        }
        let missing = PageRole.discoverable.filter { role in
            target.hints[role] == nil && !records.contains { $0.role == role && $0.error == nil && $0.status != nil }
        }
        let agent = UserAgent(profile: page.userAgentProfile)
        var plans: [PlannedFetch] = []
        for role in missing {
            guard let link = Discovery.best(candidates, for: role, rules: discoveryRules),
                  !plans.contains(where: { $0.url == link.url }) else { continue }
            plans.append(PlannedFetch(url: link.url, role: role, userAgent: agent, discoveredFrom: link.origin,
                                      obeysRobots: true))
        }
        return try await fetch(plans)
    }

    private func wanted(_ record: FetchRecord, _ mode: RenderMode) -> Bool {
        switch mode {
        case .never: return false
        case .always: return true
        case .auto:
            if target.kind != .portal { return true }
            return [.home, .login, .privacy, .agreement].contains(record.role) || shells.contains(record.sequence)
        }
    }

    /// A phone for mobile ends and for pages fetched as a phone; the desktop window otherwise.
    private func viewport(for record: FetchRecord) -> Viewport {
        if target.kind != .portal || record.role == .homeMobile { return .phone }
        return ["mobile", "wechat"].contains(record.userAgentProfile) ? .phone : .desktop
    }
}
