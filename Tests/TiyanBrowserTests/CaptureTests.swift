import Foundation
import Testing
import TiyanBrowser
import TiyanCore

extension RenderTests {
    @Test func pageScriptsCannotTamperWithTheCapture() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: """
            <p style="font-size:18px">正文</p>
            <script>
            window.getComputedStyle = () => ({ getPropertyValue: () => '99px' });
            Element.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, width: 0, height: 0 });
            Element.prototype.getClientRects = () => [];
            Array.prototype.push = function () { return 0; };
            Map.prototype.get = () => '/forged';
            Object.defineProperty(Element.prototype, 'outerHTML', { get: () => '<html>forged</html>' });
            </script>
            """))
        let view = try await render(site, "/index.html")
        let dom = String(decoding: view.dom, as: UTF8.self)
        #expect(dom.hasPrefix(#"<!DOCTYPE html><html lang="zh-CN"><head>"#))
        #expect(dom.contains(#"<p style="font-size:18px">正文</p>"#))
        let paragraph = try #require(view.elements.first { $0.xpath == "/html/body/p" })
        #expect(paragraph.style["font-size"] == "18px")
        #expect((paragraph.box?.width ?? 0) > 0)
        #expect(!view.elements.contains { $0.xpath.contains("forged") })
    }

    @Test func elementsAreCappedAtTwentyThousand() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: """
            <script>
            const list = document.createElement('ol');
            for (let i = 0; i < 25000; i++) list.appendChild(document.createElement('li'));
            document.body.appendChild(list);
            </script>
            """))
        let view = try await render(site, "/index.html")
        #expect(view.elements.count == 20_000)
        #expect(view.elements.prefix(4).map(\.xpath) == ["/html", "/html/head", "/html/head/meta", "/html/head/title"])
        #expect(view.elements.last?.xpath.hasPrefix("/html/body/ol/li[") == true)
        #expect(String(decoding: view.dom, as: UTF8.self).components(separatedBy: "<li>").count == 25_001)
    }
}
