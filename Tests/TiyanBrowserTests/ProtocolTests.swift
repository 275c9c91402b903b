import Foundation
import Testing
@testable import TiyanBrowser

@Suite("DevTools plumbing without a browser")
struct ProtocolTests {
    @Test(arguments: [
        ("robots_disallowed", "BlockedByClient"), ("not_fetched", "BlockedByClient"), ("timeout", "TimedOut"),
        ("dns", "NameNotResolved"), ("connect", "ConnectionRefused"), ("tls", "ConnectionFailed"),
        ("too_large", "Aborted"), ("http_5xx", "Failed"),
    ])
    func errorClassesMapToNetworkErrorReasons(errorClass: String, reason: String) {
        #expect(BrowserAnswer.errorReason(for: errorClass) == reason)
    }

    @Test func framingSplitsOnNULAcrossReads() {
        var framing = MessageFraming()
        #expect(framing.append(Data("{\"id\":1}".utf8)).isEmpty)
        let messages = framing.append(Data("\0{\"id\":2}\0{\"id\"".utf8))
        #expect(messages.map { String(decoding: $0, as: UTF8.self) } == ["{\"id\":1}", "{\"id\":2}"])
        #expect(framing.append(Data(":3}\0".utf8)).map { String(decoding: $0, as: UTF8.self) } == ["{\"id\":3}"])
    }

    @Test func locateHonoursTheEnvironment() {
        #expect(Chromium.locate(environment: ["TIYAN_CHROMIUM": "/opt/chrome/chrome", "PATH": "/nonexistent"])
            == "/opt/chrome/chrome")
        #expect(Chromium.locate(environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test func headlessProductNamesTheEngine() {
        #expect(Chromium.engineName("HeadlessChrome/156.0.8078.129") == "Chrome/156.0.8078.129")
        #expect(Chromium.engineName("Chrome/142.0.7444.175") == "Chrome/142.0.7444.175")
    }
}
