import Foundation
import Testing
import TiyanHTML

@Suite struct RobustnessTests {
    @Test func emptyAndBlankInputGiveEmptyDocuments() throws {
        for html in ["", "   \n", "<!-- only a comment -->"] {
            let document = HTMLDocument(html: html, url: "https://a.gov.cn/")
            #expect(try document.select("//*").isEmpty)
            #expect(document.links.isEmpty)
            #expect(document.forms.isEmpty)
            #expect(document.visibleText.isEmpty)
            #expect(document.title == nil)
            #expect(document.language == nil)
            #expect(document.elementCount == 0)
            #expect(throws: HTMLError.self) { try document.select("//a[") }
        }
        let empty = HTMLDocument(data: Data(), contentType: nil, url: "")
        #expect(empty.decoding.charset == "utf-8")
        #expect(PageNature.classify(status: 200, headers: [], body: Data(), document: empty, markers: PageNatureFixture.markers) == .document)
    }

    @Test func deeplyNestedMarkupIsCutNotFatal() throws {
        let body = Data(String(repeating: "<div>", count: 400_000).utf8)
        let document = HTMLDocument(data: body, contentType: "text/html", url: "")
        let divs = try document.select("//div")
        #expect(!divs.isEmpty)
        #expect(divs.last?.xpath.hasPrefix("/html/body/div/div/div") == true)
        _ = document.visibleText
        _ = PageNature.classify(status: 200, headers: [], body: body, document: document, markers: PageNatureFixture.markers)
    }

    @Test func garbageBytesParse() {
        var bytes = [UInt8](repeating: 0, count: 200_000)
        var seed: UInt64 = 7
        for index in bytes.indices {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes[index] = UInt8(truncatingIfNeeded: seed >> 33)
        }
        bytes.replaceSubrange(1000..<1000, with: Array("<a href='/x'>x</a><form><input name=q>".utf8))
        let document = HTMLDocument(data: Data(bytes), contentType: "text/html; charset=utf-8", url: "http://a.gov.cn/")
        _ = document.visibleText
        _ = document.links
        _ = document.forms
        _ = document.scripts
        _ = document.metas
    }

    @Test func unclosedAndMisnestedTags() {
        let document = HTMLDocument(
            html: "<table><tr><td><a href=1>one<td><a href=2>two</table><b><i>x</b></i><p><div>y</p><a href=3>three",
            url: "http://a.gov.cn/d/")
        #expect(document.links.map(\.url) == ["http://a.gov.cn/d/1", "http://a.gov.cn/d/2", "http://a.gov.cn/d/3"])
        #expect(document.links.map(\.text) == ["one", "two", "three"])
    }

    @Test func parsingOnManyThreadsAtOnce() async {
        let html = PortalFixture.html
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let document = HTMLDocument(html: html, url: PortalFixture.url)
                    let selected = (try? document.select("//a[@href]").count) ?? -1
                    return selected == 6 ? document.links.count : -1
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 7, count: 16))
    }
}
