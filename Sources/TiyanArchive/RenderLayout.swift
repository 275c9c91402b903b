import Foundation
import TiyanCore

/// The records of one rendered page, each referring to the archived page it renders
/// (WARC-Refers-To, the page's response record):
///
/// - `conversion` (text/html; charset=utf-8): the DOM after scripts, the page as a citizen sees it;
/// - `resource` (image/png): the first screen, when the capture gave one;
/// - `metadata` (application/json, `"kind": "render"`): the rest of the RenderedView (elements
///   with their computed style and box, the requests and how each was served, console errors),
///   naming the conversion in WARC-Refers-To and both records in WARC-Concurrent-To.
///
/// The engine, viewport and wait outcome are also fields of the conversion record, so a WARC
/// tool that knows nothing of tiyan's JSON can still tell how the DOM was obtained.
enum RenderLayout {
    static func records(
        _ view: RenderedView, target: String, pageRecordID: String?, warcinfoID: String
    ) throws -> [[Data]] {
        let date = WARCDate.string(from: view.renderedAt)
        let refersTo = pageRecordID.map { [("WARC-Refers-To", $0)] } ?? []
        let conversionID = WARCRecord.newRecordID()
        var members: [[Data]] = []
        members.append(WARCRecord(fields: [
            ("WARC-Type", "conversion"),
            ("WARC-Record-ID", conversionID),
            ("WARC-Date", date),
            ("WARC-Target-URI", view.url),
            ("WARC-Warcinfo-ID", warcinfoID),
        ] + refersTo + [
            ("X-Tiyan-Engine", view.engine),
            ("X-Tiyan-Viewport", viewportField(view.viewport)),
            ("X-Tiyan-Wait", view.waitOutcome.rawValue),
            ("Content-Type", "text/html; charset=utf-8"),
        ], block: view.dom).serialized())

        var concurrent = [conversionID]
        if !view.screenshot.isEmpty {
            let screenshotID = WARCRecord.newRecordID()
            members.append(WARCRecord(fields: [
                ("WARC-Type", "resource"),
                ("WARC-Record-ID", screenshotID),
                ("WARC-Date", date),
                ("WARC-Target-URI", view.url),
                ("WARC-Warcinfo-ID", warcinfoID),
            ] + refersTo + [
                ("X-Tiyan-Viewport", viewportField(view.viewport)),
                ("Content-Type", "image/png"),
            ], block: view.screenshot).serialized())
            concurrent.append(screenshotID)
        }

        members.append(WARCRecord(fields: [
            ("WARC-Type", "metadata"),
            ("WARC-Record-ID", WARCRecord.newRecordID()),
            ("WARC-Date", date),
            ("WARC-Target-URI", view.url),
            ("WARC-Warcinfo-ID", warcinfoID),
            ("WARC-Refers-To", conversionID),
        ] + concurrent.map { ("WARC-Concurrent-To", $0) } + [
            ("Content-Type", "application/json"),
        ], block: try MetadataJSON.encode(RenderMetadata(view, target: target))).serialized())
        return members
    }

    /// `1366x768`, or `375x812@2 mobile`.
    static func viewportField(_ viewport: Viewport) -> String {
        var text = "\(viewport.width)x\(viewport.height)"
        let scale = viewport.deviceScaleFactor
        if scale != 1 { text += "@" + (scale == scale.rounded() ? String(Int(scale)) : String(scale)) }
        if viewport.mobile { text += " mobile" }
        return text
    }
}

/// `{"kind":"render",…}`: a RenderedView without its DOM and screenshot, which are records of
/// their own, and with the target it belongs to.
struct RenderMetadata: Codable {
    var kind = "render"
    var target: String
    var pageSequence: Int
    var url: String
    var elements: [RenderedElement]
    var viewport: Viewport
    var engine: String
    var waitOutcome: RenderedView.WaitOutcome
    var requests: [RenderedRequest]
    var consoleErrors: [String]
    var renderedAt: Date
    var elapsedMilliseconds: Int
    var screenshot: Bool

    init(_ view: RenderedView, target: String) {
        self.target = target
        pageSequence = view.pageSequence
        url = view.url
        elements = view.elements
        viewport = view.viewport
        engine = view.engine
        waitOutcome = view.waitOutcome
        requests = view.requests
        consoleErrors = view.consoleErrors
        renderedAt = view.renderedAt
        elapsedMilliseconds = view.elapsedMilliseconds
        screenshot = !view.screenshot.isEmpty
    }

    func view(dom: Data, screenshot: Data, offset: Int64, keepsElements: Bool) -> RenderedView {
        RenderedView(
            pageSequence: pageSequence, url: url, dom: dom, elements: keepsElements ? elements : [],
            screenshot: screenshot, viewport: viewport, engine: engine, waitOutcome: waitOutcome,
            requests: requests, consoleErrors: consoleErrors, renderedAt: renderedAt,
            elapsedMilliseconds: elapsedMilliseconds, warcOffset: offset)
    }
}
