import Foundation
import TiyanConfig
import TiyanCore
@testable import TiyanProbes

/// The repository's probes/ directory and records to build sites from.
enum Fixtures {
    static let probesDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("probes").path
    }()

    static let pageNature: PageNatureMarkers? = try? PageNatureFile.load(
        from: ProbeConfiguration.load(directory: probesDirectory))

    static func runner() throws -> ProbeRunner {
        try ProbeRunner(configuration: ProbeConfiguration.load(directory: probesDirectory))
    }

    static let homeURL = "https://www.example.gov.cn/"
    static let runStart = Date(timeIntervalSince1970: 1_751_248_800)  // 2025-06-30T02:00:00Z

    static let page = "<html><head><title>首页</title></head><body><p>首页</p></body></html>"

    static func record(
        _ role: PageRole, url: String = homeURL, status: Int? = 200, headers: [HTTPHeader] = [], html: String? = page,
        error: FetchErrorClass? = nil, errorDetail: String? = nil, tlsVerified: Bool? = nil,
        unverified: Bool = false, elapsed: Int = 200, discoveredFrom: String? = nil
    ) -> ExampleRecord {
        ExampleRecord(
            role: role, url: url, status: status, headers: headers, html: html, error: error,
            errorDetail: errorDetail, tlsVerified: tlsVerified, fetchedWithoutVerification: unverified,
            discoveredFrom: discoveredFrom ?? (role == .home ? nil : homeURL), elapsedMilliseconds: elapsed)
    }

    static func site(_ records: [ExampleRecord]) -> ArchivedSite {
        RuleExample(kind: .nonTriggering, index: 0, file: "test", line: 0, records: records, runStart: runStart).site()
    }

    static func result(_ runner: ProbeRunner, _ id: String, _ records: [ExampleRecord]) -> IndicatorResult? {
        runner.evaluate(site(records), indicators: [id]).first
    }
}
