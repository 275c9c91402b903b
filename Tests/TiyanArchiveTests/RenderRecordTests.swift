import Foundation
import Testing
@testable import TiyanArchive
import TiyanCore

/// A rendered view goes into the archive as a conversion (the DOM), a resource (the PNG) and a
/// metadata record, all referring to the page's response, and comes back equal: whole when the
/// archive is read with bodies, as an index entry (offset, no DOM) without, and whole again
/// from that offset.
@Suite struct RenderRecordTests {
    static let page = FetchRecord(
        target: "gd-h5", role: .home, sequence: 0, url: "https://h5.gd.gov.cn/", status: 200,
        headers: [.init(name: "Content-Type", value: "text/html")],
        body: Data("<html><body><div id=\"app\"></div><script src=\"/app.js\"></script></body></html>".utf8))

    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data("\r\n\r\nWARC/1.1\r\n".utf8)

    static let view = RenderedView(
        pageSequence: 0, url: "https://h5.gd.gov.cn/#/home",
        dom: Data("<!DOCTYPE html><html><body><div id=\"app\"><a href=\"#/elder\">长辈版</a></div></body></html>".utf8),
        elements: [
            RenderedElement(xpath: "/html/body/div/a", style: ["font-size": "18px", "color": "rgb(0, 0, 0)"],
                            box: .init(x: 8, y: 8, width: 48.5, height: 21)),
            RenderedElement(xpath: "/html/head", style: [:], box: nil),
        ],
        screenshot: png, viewport: .phone, engine: "Chrome/142.0.7444.175", waitOutcome: .networkIdle,
        requests: [
            RenderedRequest(url: "https://h5.gd.gov.cn/", resourceType: "Document", status: 200, servedBySequence: 0),
            RenderedRequest(url: "https://stats.example.com/t.js", resourceType: "Script", error: "robots_disallowed"),
        ],
        consoleErrors: ["Failed to load resource: net::ERR_BLOCKED_BY_CLIENT"],
        renderedAt: Date(timeIntervalSince1970: 1_795_399_300.25), elapsedMilliseconds: 1234)

    func writeArchive(at path: String) throws -> (page: Int64, render: Int64) {
        let writer = try WARCWriter(path: path, info: ArchiveFixtures.info)
        for target in ArchiveFixtures.targets { try writer.record(target: target) }
        let page = try writer.append(Self.page)
        let render = try writer.append(render: Self.view, target: "gd-h5")
        try writer.close()
        return (page, render)
    }

    @Test func aRenderReadsBackEqualWithItsDOMAndScreenshot() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        let offsets = try writeArchive(at: path)
        let contents = try WARCReader.read(path: path)
        var expected = Self.view
        expected.warcOffset = offsets.render
        #expect(contents.renders["gd-h5"] == [expected])
        #expect(contents.renders["zj"] == nil)
        let site = try #require(contents.sites.first { $0.target.id == "gd-h5" })
        #expect(site.render(of: site.resources[0]) == expected)
    }

    @Test func anIndexReadLeavesTheViewToBeLoadedFromItsOffset() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        let offsets = try writeArchive(at: path)
        let index = try WARCReader.read(path: path, bodies: false)
        let entry = try #require(index.renders["gd-h5"]?.first)
        #expect(entry.dom.isEmpty && entry.screenshot.isEmpty && entry.elements.isEmpty)
        #expect(!entry.hasDOM)
        #expect(entry.warcOffset == offsets.render)
        #expect(entry.requests == Self.view.requests && entry.waitOutcome == .networkIdle)
        let loaded = try WARCReader.loadingRenders(of: [entry], info: index.info, path: path)
        var expected = Self.view
        expected.warcOffset = offsets.render
        #expect(loaded == [expected])
    }

    @Test func theRecordsReferToThePageResponseAndSayHowTheDOMWasObtained() throws {
        let members = try RenderLayout.records(Self.view, target: "gd-h5", pageRecordID: "<urn:uuid:page>",
                                               warcinfoID: "<urn:uuid:info>")
        let records = try members.map { try WARCRecord.parseAll($0.reduce(Data(), +)) }.flatMap { $0 }
        #expect(records.map(\.type) == ["conversion", "resource", "metadata"])
        #expect(records[0].value("WARC-Refers-To") == "<urn:uuid:page>")
        #expect(records[1].value("WARC-Refers-To") == "<urn:uuid:page>")
        #expect(records[0].value("Content-Type") == "text/html; charset=utf-8")
        #expect(records[0].value("X-Tiyan-Viewport") == "375x812@2 mobile")
        #expect(records[0].value("X-Tiyan-Wait") == "network_idle")
        #expect(records[0].value("X-Tiyan-Engine") == "Chrome/142.0.7444.175")
        #expect(records[1].value("Content-Type") == "image/png")
        #expect(records[1].block == Self.png)
        #expect(records[2].value("WARC-Refers-To") == records[0].recordID)
        #expect(Set(records[2].values("WARC-Concurrent-To")) == Set([records[0].recordID, records[1].recordID]))
    }

    @Test func aCaptureWithoutScreenshotHasNoResourceRecord() throws {
        var view = Self.view
        view.screenshot = Data()
        let members = try RenderLayout.records(view, target: "gd-h5", pageRecordID: nil, warcinfoID: "<urn:uuid:info>")
        let records = try members.map { try WARCRecord.parseAll($0.reduce(Data(), +)) }.flatMap { $0 }
        #expect(records.map(\.type) == ["conversion", "metadata"])
        #expect(records[0].value("WARC-Refers-To") == nil)
    }

    /// warcio, the reader most WARC tools build on, sees the three records and the PNG bytes.
    @Test(.enabled(if: WarcioTests.warcioAvailable || WarcioTests.required, "python3 with warcio is not installed"))
    func warcioReadsTheRenderRecords() throws {
        try #require(WarcioTests.warcioAvailable, "CI is set but python3 -c 'import warcio' fails: pip install warcio")
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try writeArchive(at: path)
        let script = """
            import sys
            from warcio.archiveiterator import ArchiveIterator
            with open(sys.argv[1], 'rb') as stream:
                for record in ArchiveIterator(stream):
                    payload = record.content_stream().read()
                    refers = record.rec_headers.get_header('WARC-Refers-To') or '-'
                    print(record.rec_type, record.rec_headers.get_header('Content-Type'), len(payload), refers != '-')
            """
        let outcome = try Python.run(["-c", script, path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("conversion text/html; charset=utf-8 \(Self.view.dom.count) True"))
        #expect(lines.contains("resource image/png \(Self.png.count) True"))
        #expect(lines.filter { $0.hasPrefix("metadata application/json") }.count == 4)
    }
}
