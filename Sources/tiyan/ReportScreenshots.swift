import TiyanArchive
import TiyanCore
import TiyanReport
import Foundation

/// The screenshots index.html shows, read from the archive for crawl, reprobe and merge, whose
/// index read of the archive left them out. One view is loaded at a time and only its PNG and
/// facts are kept: a rendered DOM with its elements is many times the size of its screenshot.
enum ReportScreenshots {
    /// A report of forty targets with a dozen rendered pages each would otherwise carry
    /// hundreds of megabytes of PNG: per target, the pages evaluators open first are inlined
    /// (home, login, privacy, agreement, elder, English, then the rest) within these bounds,
    /// the others named with their place in the archive.
    static let inlinedPerTarget = 4
    static let bytesPerTarget = 3 << 20

    private static func priority(_ role: PageRole?) -> Int {
        let order: [PageRole] = [.home, .login, .privacy, .agreement, .elder, .english, .homeMobile, .register]
        return role.flatMap { order.firstIndex(of: $0) } ?? order.count
    }

    /// Per target id; empty for a run that rendered nothing, whose report is then as before.
    /// A view that does not read back is shown without its image, with a warning: a damaged
    /// screenshot is no reason to withhold the report.
    static func load(archive: String, contents: ArchiveContents) -> [String: [ReportScreenshot]] {
        var shots: [String: [ReportScreenshot]] = [:]
        for target in contents.targets where shots[target.id] == nil {
            guard let views = contents.renders[target.id], !views.isEmpty else { continue }
            let pages = Dictionary(contents.resources.filter { $0.target == target.id }.map { ($0.sequence, $0) },
                                   uniquingKeysWith: { first, _ in first })
            var inlined = 0
            var budget = bytesPerTarget
            let order = views.indices.sorted { lhs, rhs in
                let left = priority(pages[views[lhs].pageSequence]?.role)
                let right = priority(pages[views[rhs].pageSequence]?.role)
                return left != right ? left < right : lhs < rhs
            }
            var byIndex: [Int: ReportScreenshot] = [:]
            for index in order {
                let view = views[index]
                var loaded = view
                do {
                    loaded = try WARCReader.loadingRenders(of: [view], info: contents.info, path: archive).first ?? view
                } catch {
                    Progress.error("tiyan: warning: the screenshot of \(target.id) page \(view.pageSequence) "
                        + "does not read back from \(archive): \(error); the report shows the page without it")
                }
                var shot = ReportScreenshot(view: loaded, page: pages[view.pageSequence])
                if inlined < inlinedPerTarget, shot.png.count <= budget {
                    inlined += shot.png.isEmpty ? 0 : 1
                    budget -= shot.png.count
                } else {
                    shot.withheldBytes = shot.png.count
                    shot.png = Data()
                }
                byIndex[index] = shot
            }
            shots[target.id] = views.indices.compactMap { byIndex[$0] }
        }
        return shots
    }
}
