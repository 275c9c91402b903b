import Foundation
import TiyanCore

extension HTMLReport.TargetSection {
    /// The screenshots of the target's rendered pages as thumbnails, each with what says which
    /// page was rendered how. The PNG is inline (`data:`, which the report's CSP allows for
    /// images only), so the report stays one file that requests nothing. A thumbnail links to its
    /// own figure, and `:target` shows the image at full size: no script, and no second copy of
    /// the bytes.
    func gallery() -> String {
        guard !screenshots.isEmpty else { return "" }
        let group = escapeHTML(target.id) + "-shots"
        var out = "<details class=\"group shots\" id=\"\(group)\" open><summary>Rendered pages 渲染页面 "
            + "(\(screenshots.count))</summary>\n<div class=\"gallery\">\n"
        for (anchor, shot) in screenshots {
            out += "<figure class=\"shot\" id=\"\(anchor)\">"
            if shot.isPNG {
                let size = Self.displaySize(shot).map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
                out += "<a href=\"#\(anchor)\" title=\"full size 原图\"><img src=\"data:image/png;base64,"
                    + shot.png.base64EncodedString() + "\"\(size) alt=\"screenshot 截图 "
                    + escapeHTML(Self.clip(shot.viewURL, 120)) + "\"></a>"
            } else if shot.withheldBytes > 0 {
                let offset = shot.warcOffset.map { ", archive.warc.gz offset \($0)" } ?? ""
                out += "<p class=\"empty\">Screenshot kept in the archive, not inlined 截图未内嵌 "
                    + "(\((shot.withheldBytes + 1023) / 1024) KB\(offset))</p>"
            } else {
                out += "<p class=\"empty\">\(shot.png.isEmpty ? "No screenshot 无截图" : "Not a PNG 非 PNG 截图")</p>"
            }
            out += "<figcaption>" + caption(shot) + " <a href=\"#\(group)\">↑</a></figcaption></figure>\n"
        }
        return out + "</div></details>\n"
    }

    private func caption(_ shot: ReportScreenshot) -> String {
        let page = shot.pageURL.isEmpty ? shot.viewURL : shot.pageURL
        var out = "<strong>#\(shot.pageSequence)</strong>"
        if !shot.pageRole.isEmpty { out += " " + escapeHTML(shot.pageRole) }
        out += " · " + shortLink(page, limit: 48) + fetchRecord(page)
        if shot.viewURL != page, shot.viewURL != shot.pageFinalURL {
            out += "<br>→ " + shortLink(shot.viewURL, limit: 48)
        }
        let viewport = shot.viewport
        out += "<br>\(viewport.width)×\(viewport.height) @\(Self.scale(viewport.deviceScaleFactor))x"
            + (viewport.mobile ? " mobile" : "")
            + " · \(escapeHTML(shot.waitOutcome.rawValue)) · \(shot.elapsedMilliseconds) ms"
            + "<br>\(shot.requestCount) requests 请求, \(shot.refusedCount) refused 拒绝"
        if !shot.engine.isEmpty { out += " · <small>\(escapeHTML(shot.engine))</small>" }
        return out
    }

    /// `2` for 2.0, `1.5` for 1.5: device pixel ratios are mostly whole.
    static func scale(_ factor: Double) -> String {
        guard factor.isFinite else { return "?" }
        if factor == factor.rounded(), abs(factor) < 1_000 { return String(Int(factor)) }
        return String(format: "%.2f", locale: nil, factor)
    }

    /// The anchor of each screenshot, `shot-<target>-<page sequence>`; a page rendered twice
    /// gets a suffix so that ids stay unique.
    static func anchored(_ shots: [ReportScreenshot], targetID: String) -> [(anchor: String, shot: ReportScreenshot)] {
        var used: Set<String> = []
        return shots.map { shot in
            let base = "shot-" + escapeHTML(targetID) + "-\(shot.pageSequence)"
            var anchor = base
            var copy = 1
            while !used.insert(anchor).inserted {
                copy += 1
                anchor = base + "-\(copy)"
            }
            return (anchor, shot)
        }
    }

    /// A link to the screenshot of the page a rendered piece of evidence was judged on; empty
    /// for evidence from the served HTML or from a page with no screenshot.
    func shotLink(_ item: Evidence) -> String {
        guard item.extra.contains(where: { $0.0 == "view" && $0.1.stringValue == "rendered" }) else { return "" }
        // The page the view rendered decides; the browser's final URL only when no page matches.
        guard !item.url.isEmpty,
              let found = screenshots.first(where: { $0.shot.pageFinalURL == item.url })
                ?? screenshots.first(where: { $0.shot.pageURL == item.url })
                ?? screenshots.first(where: { $0.shot.viewURL == item.url })
        else { return "" }
        return " <a class=\"shot-link\" href=\"#\(found.anchor)\">截图 screenshot</a>"
    }

    /// The image's size in CSS pixels, as the page was seen: a phone's 2× capture at full size
    /// is as wide as the phone's screen, not twice that.
    static func displaySize(_ shot: ReportScreenshot) -> (width: Int, height: Int)? {
        guard let pixels = pixelSize(shot.png) else { return nil }
        let factor = shot.viewport.deviceScaleFactor
        guard factor.isFinite, factor >= 1, factor <= 8 else { return pixels }
        return (max(1, Int((Double(pixels.width) / factor).rounded())), max(1, Int((Double(pixels.height) / factor).rounded())))
    }

    /// Width and height from the PNG's IHDR chunk, so the page keeps its layout while images
    /// decode; nil when the header is not there.
    static func pixelSize(_ png: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](png.prefix(24))
        guard bytes.count == 24, bytes[12...15].elementsEqual("IHDR".utf8) else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let width = number(16), height = number(20)
        guard width > 0, height > 0, width <= 100_000, height <= 100_000 else { return nil }
        return (width, height)
    }
}
