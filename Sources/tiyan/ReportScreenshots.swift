import TiyanArchive
import TiyanCore
import TiyanReport

/// The screenshots index.html shows, read from the archive for crawl, reprobe and merge, whose
/// index read of the archive left them out. One view is loaded at a time and only its PNG and
/// facts are kept: a rendered DOM with its elements is many times the size of its screenshot.
enum ReportScreenshots {
    /// Per target id; empty for a run that rendered nothing, whose report is then as before.
    /// A view that does not read back is shown without its image, with a warning: a damaged
    /// screenshot is no reason to withhold the report.
    static func load(archive: String, contents: ArchiveContents) -> [String: [ReportScreenshot]] {
        var shots: [String: [ReportScreenshot]] = [:]
        for target in contents.targets where shots[target.id] == nil {
            guard let views = contents.renders[target.id], !views.isEmpty else { continue }
            let pages = Dictionary(contents.resources.filter { $0.target == target.id }.map { ($0.sequence, $0) },
                                   uniquingKeysWith: { first, _ in first })
            shots[target.id] = views.map { view in
                var loaded = view
                do {
                    loaded = try WARCReader.loadingRenders(of: [view], info: contents.info, path: archive).first ?? view
                } catch {
                    Progress.error("tiyan: warning: the screenshot of \(target.id) page \(view.pageSequence) "
                        + "does not read back from \(archive): \(error); the report shows the page without it")
                }
                return ReportScreenshot(view: loaded, page: pages[view.pageSequence])
            }
        }
        return shots
    }
}
