import Foundation
import Testing
import TiyanCore
import TiyanTestSupport

/// The report of a crawl that rendered pages: the fixture's single-page portal, H5 and
/// mini-program ends crawled with `--render auto` in headless Chromium, then reprobed. Each
/// target's section shows the screenshots, rendered evidence links to them, and Chromium opens
/// the report without a policy refusal or a request.
@Suite(.serialized) struct RenderedReportTests {
    @Test func theReportOfARenderedCrawlShowsItsScreenshots() async throws {
        guard ChromiumReportTests.chromium != nil else {
            throw TestFailure("chromium is not installed (scripts/install-deps installs it)")
        }
        // The crawl RenderCrawlTests made: one rendered crawl of the fixture ends serves both
        // suites (Chromium renders are the heaviest part of the test run).
        let runs = try await RenderCrawlTests.runs.value
        #expect(runs.autoOutcome.status == 0, "\(runs.autoOutcome.stderr.suffix(3000))")
        let directory = runs.auto
        let report = try Self.read(directory + "/index.html")

        #expect(report.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
        let shotIDs = Self.shotIDs(report)
        for target in ["spa", "spa-h5", "spa-mp"] {
            #expect(report.contains("id=\"\(target)-shots\""), "\(target) has a gallery")
            #expect(shotIDs.contains { $0.hasPrefix("shot-\(target)-") }, "\(target) has a screenshot anchor")
        }
        let images = report.matches(of: /<img src="data:image\/png;base64,([A-Za-z0-9+\/=]+)"/)
        // Per target the first pages evaluators open are inlined (at most 4); the rest are named
        // with their place in the archive, so a forty-portal report stays openable.
        let withheld = report.components(separatedBy: "截图未内嵌").count - 1
        #expect(images.count + withheld == shotIDs.count, "\(images.count) inlined, \(withheld) kept, \(shotIDs.count) views")
        #expect(images.count <= 3 * ReportLimits.inlinedPerTarget && images.count >= 3, "\(images.count) inlined")
        #expect(withheld > 0, "the SPA portal has more rendered pages than are inlined")
        for image in images {
            let png = Data(base64Encoded: String(image.1)) ?? Data()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG of \(png.count) bytes")
        }

        // Every link to a screenshot lands on one, and the rendered evidence has them.
        let links = Set(report.matches(of: /class="shot-link" href="#(shot-[a-z0-9-]+)"/).map { String($0.1) })
        #expect(!links.isEmpty, "rendered evidence links to its screenshot")
        #expect(links.isSubset(of: Set(shotIDs)), "links \(links.subtracting(shotIDs)) have no figure")
        let results = try Self.read(directory + "/results.jsonl")
        #expect(results.contains("\"view\":\"rendered\""), "the probes judged rendered views")

        // Chromium shows the images: a policy that refused them would log it.
        let (dom, console) = try await ChromiumReportTests.load(directory + "/index.html")
        #expect(console.isEmpty, "console: \(console)")
        #expect(dom.components(separatedBy: "<img ").count - 1 == images.count)
        #expect(!dom.contains("<script"))
        // Control: without img-src the same page logs the refusal, so a clean console above means
        // the images were allowed, not that refusals go unseen.
        let control = runs.workspace + "/control.html"
        try report.replacingOccurrences(of: "; img-src data:\"", with: "\"")
            .write(toFile: control, atomically: true, encoding: .utf8)
        let refused = try await ChromiumReportTests.load(control).console
        #expect(refused.contains { $0.contains("Loading the image 'data:image/png") }, "control console: \(refused.count) lines")

        // reprobe reads the same screenshots back from the archive.
        let copy = runs.workspace + "/reprobe-copy"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: directory + "/archive.warc.gz", toPath: copy + "/archive.warc.gz")
        let reprobe = try await TiyanProcess.run(["reprobe", copy, "--probes", TiyanProcess.repositoryRoot + "/probes"])
        #expect(reprobe.status == 0, "\(reprobe.stderr.suffix(2000))")
        let again = try Self.read(copy + "/index.html")
        #expect(Self.shotIDs(again) == shotIDs)
        #expect(again.matches(of: /<img src="data:image\/png;base64,([A-Za-z0-9+\/=]+)"/).map { String($0.1) }
            == images.map { String($0.1) }, "the same PNGs after reprobe")
    }

    static func shotIDs(_ report: String) -> [String] {
        report.matches(of: /<figure class="shot" id="(shot-[a-z0-9-]+)">/).map { String($0.1) }
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw TestFailure("\(path) missing") }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The report's inlining bounds (Sources/tiyan/ReportScreenshots.swift).
private enum ReportLimits {
    static let inlinedPerTarget = 4
}
