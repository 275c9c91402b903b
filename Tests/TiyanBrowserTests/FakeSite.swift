import Foundation
import TiyanBrowser

/// A test double for the crawl's archive: answers the browser from a table of paths, numbering
/// each served resource like archived records, with no HTTP server involved.
struct FakeSite: Sendable {
    static let origin = "http://portal.test"

    struct Resource: Sendable {
        var contentType: String
        var body: String
        var sequence: Int
    }

    /// A favicon, since headless Chromium asks for one and a 404 would log a console error.
    var resources: [String: Resource] = ["/favicon.ico": Resource(contentType: "image/x-icon", body: "", sequence: 0)]
    /// Paths answered with `.refused(errorClass:)`.
    var refusals: [String: String] = [:]
    /// Paths whose answer never comes in time (the server sleeps for a minute).
    var stalls: Set<String> = []
    /// Where every request is noted as the browser sent it.
    let log = RequestLog()

    mutating func add(_ path: String, _ contentType: String, _ body: String) {
        resources[path] = Resource(contentType: contentType, body: body, sequence: resources.count)
    }

    static func url(_ path: String) -> String { origin + path }

    var server: RequestServer {
        let site = self
        return { request in
            await site.log.append(request)
            let path = request.url.hasPrefix(FakeSite.origin) ? String(request.url.dropFirst(FakeSite.origin.count)) : request.url
            if let errorClass = site.refusals[path] { return .refused(errorClass: errorClass) }
            if site.stalls.contains(path) {
                try? await Task.sleep(for: .seconds(60))
                return .refused(errorClass: "timeout")
            }
            guard let resource = site.resources[path] else {
                return .served(status: 404, headers: [("Content-Type", "text/plain")], body: Data("not found".utf8),
                               sequence: nil)
            }
            return .served(status: 200, headers: [("Content-Type", resource.contentType)],
                           body: Data(resource.body.utf8), sequence: resource.sequence)
        }
    }
}

actor RequestLog {
    private(set) var requests: [BrowserRequest] = []

    func append(_ request: BrowserRequest) { requests.append(request) }
}
