import Foundation
import TiyanArchive
import TiyanHTML
import TiyanReport

/// Writes `archived/<offset>.html` for every page line `ArchivedCopy.isKept` accepts, reading
/// one target's bodies at a time as the pipeline does. crawl, reprobe and merge call it before
/// index.html, which links each evidence URL to its copy.
enum ArchivedCopies {
    static func write(archive: String, pages: [PageLine], runID: String, to directory: String) throws {
        let kept = Dictionary(pages.filter(ArchivedCopy.isKept).compactMap { page in page.warcOffset.map { ($0, page) } },
                              uniquingKeysWith: { first, _ in first })
        let folder = directory + "/" + ArchivedCopy.folder
        do {
            try? FileManager.default.removeItem(atPath: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let contents = try WARCReader.read(path: archive, bodies: false)
            for site in contents.sites {
                let wanted = site.resources.filter { $0.warcOffset.map { kept[$0] != nil } ?? false }
                guard !wanted.isEmpty else { continue }
                for record in try WARCReader.loadingBodies(of: wanted, info: contents.info, path: archive) {
                    guard let offset = record.warcOffset, let page = kept[offset] else { continue }
                    let text = CharsetDecoder.decode(record.body, contentType: record.contentType).text
                    try AtomicFile.write(ArchivedCopy.render(page: page, text: text, runID: runID, fetchedAt: record.fetchedAt),
                                         to: directory + "/" + ArchivedCopy.path(offset: offset))
                }
            }
        } catch {
            throw RunFailure("cannot write the archived copies: \(error)")
        }
    }
}
