public import TiyanCore
public import TiyanFetch
public import TiyanArchive
import TiyanConfig
import TiyanHTML
import Foundation

/// Crawls targets: for each, the home page with desktop and mobile UAs, what SB needs (robots.txt,
/// the plain-http probe, the IPv6 probe, home-page link checks), the same-site scripts and
/// stylesheets the home page loads, and the pages of each role found by discovery or given as
/// hints. Every resource goes to the archive as soon as it is fetched; failures are records,
/// never exceptions, so one target's trouble never stops the others.
public final class Crawler: Sendable {
    let fetcher: any Fetching
    let settings: CrawlSettings
    let archive: WARCWriter
    let progress: @Sendable (String) -> Void
    let targetFinished: @Sendable (String) -> Void

    /// `progress` hears of each fetched resource, `targetFinished` of each target's id when its
    /// crawl is over.
    public init(fetcher: any Fetching, settings: CrawlSettings, archive: WARCWriter,
                progress: @escaping @Sendable (String) -> Void = { _ in },
                targetFinished: @escaping @Sendable (String) -> Void = { _ in }) {
        self.fetcher = fetcher
        self.settings = settings
        self.archive = archive
        self.progress = progress
        self.targetFinished = targetFinished
    }

    /// Crawls every target, at most `settings.targetConcurrency` at once. Throws when the
    /// archive cannot be written, which makes the whole run worthless, and CancellationError
    /// when the task is cancelled (SIGINT): no new fetch starts after that.
    public func crawl(_ targets: [Target]) async throws {
        for target in targets { try archive.record(target: target) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func startNext() {
                guard next < targets.count else { return }
                let target = targets[next]
                next += 1
                group.addTask {
                    _ = try await self.crawl(target)
                    self.targetFinished(target.id)
                }
            }
            for _ in 0..<max(1, settings.targetConcurrency) { startNext() }
            while try await group.next() != nil { startNext() }
        }
    }

    /// Crawls one target and returns its records in fetch order.
    @discardableResult
    public func crawl(_ target: Target) async throws -> [FetchRecord] {
        let session = TargetSession(target: target, crawler: self)
        try await session.run()
        return session.records
    }
}
