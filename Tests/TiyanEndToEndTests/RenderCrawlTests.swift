import Foundation
import Testing
import TiyanArchive
import TiyanCore
import TiyanTestSupport

/// Script-built ends crawled twice, with `--render auto` and `--render never`: rendered, the
/// indicators a citizen can see come out as the fixtures say; unrendered, the same indicators
/// are undetermined, never a false fail. Chromium is required: CI installs it, and a machine
/// without it fails here rather than skipping.
@Suite(.serialized) struct RenderCrawlTests {
    struct Runs: Sendable {
        let auto: String
        let never: String
        let autoOutcome: TiyanProcess.Outcome
        /// `--render auto` on a machine whose Chromium cannot start, and `--render always` there.
        let unavailable: TiyanProcess.Outcome
        let always: TiyanProcess.Outcome
        let workspace: String
        let requestedHosts: Set<String>
    }

    static let runs = Task<Runs, Error> {
        let fixture = try await FixtureCrawl.start()
        let targets = fixture.workspace + "/render-targets.yaml"
        try FixturePortals.renderTargetsYAML.write(toFile: targets, atomically: true, encoding: .utf8)
        func crawl(_ mode: String, out: String? = nil, environment: [String: String] = [:]) async throws
            -> TiyanProcess.Outcome
        {
            var arguments = fixture.crawlArguments(out: fixture.workspace + "/" + (out ?? mode), targets: targets)
            if let flag = arguments.firstIndex(of: "--render") { arguments[flag + 1] = mode }
            // The facts must not depend on how busy the CI machine is: the default 15 s cap is a
            // wall-clock bound, and a render it cuts stays a shell (undetermined).
            arguments += ["--render-time-cap", "60"]
            return try await TiyanProcess.run(arguments, environment: environment)
        }
        let auto = try await crawl("auto")
        let never = try await crawl("never")
        let missing = ["TIYAN_CHROMIUM": fixture.workspace + "/no-such-chromium"]
        let unavailable = try await crawl("auto", out: "unavailable", environment: missing)
        let always = try await crawl("always", out: "always-unavailable", environment: missing)
        let hosts = Set(fixture.server.requests.map(\.host))
        await fixture.stop()
        return Runs(auto: auto.lastLine, never: never.lastLine, autoOutcome: auto, unavailable: unavailable,
                    always: always, workspace: fixture.workspace, requestedHosts: hosts)
    }

    static let chromium: String? = {
        if let configured = ProcessInfo.processInfo.environment["TIYAN_CHROMIUM"], !configured.isEmpty {
            return configured
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    func results(_ directory: String) throws -> [String: JSONValue] {
        guard let data = FileManager.default.contents(atPath: directory + "/results.jsonl") else {
            throw TestFailure("no results.jsonl in \(directory)")
        }
        var byKey: [String: JSONValue] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let value = try JSONValue.parse(String(line))
            byKey["\(value["target"]?.stringValue ?? "") \(value["indicator"]?.stringValue ?? "")"] = value
        }
        return byKey
    }

    /// What a citizen sees on each end after its scripts ran, as the fixture pages define it.
    static let facts: [(target: String, indicator: String, status: String)] = [
        ("spa", "SB-05", "pass"), ("spa", "SB-07", "pass"), ("spa", "SB-08", "pass"), ("spa", "SB-09", "pass"),
        ("spa", "EL-01", "pass"), ("spa", "EN-01", "pass"), ("spa", "SR-01", "pass"),
        ("spa", "LG-01", "pass"), ("spa", "LG-02", "pass"), ("spa", "LG-03", "pass"), ("spa", "LG-05", "fail"),
        ("spa", "PR-01", "pass"), ("spa", "PR-02", "pass"), ("spa", "PR-03", "pass"), ("spa", "PR-05", "fail"),
        ("spa", "PR-06", "pass"), ("spa", "PR-07", "pass"), ("spa", "PR-11", "pass"),
        ("spa-h5", "EL-01", "pass"), ("spa-h5", "LG-01", "fail"), ("spa-h5", "LG-02", "pass"),
        ("spa-h5", "LG-05", "pass"), ("spa-h5", "PR-01", "pass"), ("spa-h5", "PR-06", "pass"),
        ("spa-mp", "SV-10", "pass"), ("spa-mp", "SB-07", "fail"),
    ]

    @Test func renderedEndsShowTheirFacts() async throws {
        try #require(Self.chromium != nil, "Chromium is not installed: scripts/install-deps installs Debian's chromium")
        let runs = try await Self.runs.value
        #expect(runs.autoOutcome.status == 0, "\(runs.autoOutcome.stderr.suffix(3000))")
        let results = try results(runs.auto)
        for fact in Self.facts {
            let result = results["\(fact.target) \(fact.indicator)"]
            #expect(result?["status"]?.stringValue == fact.status,
                    "\(fact.target) \(fact.indicator): \(result?.serialized() ?? "missing")")
            if fact.indicator != "PR-03" {
                #expect(result?["evidence"]?.arrayValue?.first?["view"]?.stringValue == "rendered",
                        "\(fact.target) \(fact.indicator) says which view decided")
            }
        }
        #expect(results["spa SB-05"]?["value"]?.stringValue == "2300000001")
        // The consent box the login script ticks (a DOM property, not an attribute) is checked.
        let consent = results["spa PR-05"]?["evidence"]?.arrayValue?.first
        #expect(consent?["url"]?.stringValue == "http://www.spa.gov.cn/#/login")
        #expect(consent?["snippet"]?.stringValue?.contains("checked") == true)
        #expect(results["spa PR-03"]?["value"]?.doubleValue == 1, "the policy is one click from the home page")
    }

    @Test func unrenderedTheSameIndicatorsAreUndeterminedNeverAFalseFail() async throws {
        try #require(Self.chromium != nil, "Chromium is not installed: scripts/install-deps installs Debian's chromium")
        let runs = try await Self.runs.value
        let rendered = try results(runs.auto)
        let served = try results(runs.never)
        for fact in Self.facts {
            let status = served["\(fact.target) \(fact.indicator)"]?["status"]?.stringValue
            #expect(status == "undetermined", "\(fact.target) \(fact.indicator) without rendering: \(status ?? "missing")")
        }
        for (key, result) in served where ["fail", "partial"].contains(result["status"]?.stringValue ?? "") {
            let after = rendered[key]?["status"]?.stringValue
            #expect(after != "pass", "\(key) fails unrendered but passes rendered: a false fail")
        }
        let manifest = try JSONValue.parse(String(decoding: FileManager.default.contents(atPath: runs.never + "/run.json") ?? Data(), as: UTF8.self))
        #expect(manifest["options"]?["render"]?.stringValue == "never")
    }

    @Test func theArchiveHoldsEveryRenderAndEverySubresourceTheBrowserUsed() async throws {
        try #require(Self.chromium != nil, "Chromium is not installed: scripts/install-deps installs Debian's chromium")
        let runs = try await Self.runs.value
        let contents = try WARCReader.read(path: runs.auto + "/archive.warc.gz")
        let views = contents.renders["spa"] ?? []
        let urls = Set(views.map(\.url))
        #expect(urls.isSuperset(of: ["http://www.spa.gov.cn/", "http://www.spa.gov.cn/#/login",
                                     "http://www.spa.gov.cn/#/privacy"]), "\(urls.sorted())")
        let resources = contents.resources.filter { $0.target == "spa" }
        for view in views {
            #expect(view.hasDOM && view.screenshot.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(view.url)")
            #expect(view.viewport == .desktop || view.viewport == .phone)
            #expect(!view.elements.isEmpty && view.engine.hasPrefix("Chrome/"), "\(view.url)")
            for request in view.requests where request.status != nil {
                // Every byte the browser was given is an ordinary record of the archive.
                let record = resources.first { $0.sequence == request.servedBySequence }
                #expect(record != nil && (record?.url == request.url || record?.finalURL == request.url
                                          || record.map { HashRoutes.strip($0.url) } == request.url),
                        "\(request.url) served by \(request.servedBySequence.map(String.init) ?? "nothing")")
            }
        }
        let served = Set(resources.filter { $0.role == .renderResource }.map(\.url))
        // The app bundle was already archived by the crawl (a same-site script of the page); the
        // vendor bundle (a library name the crawl never fetches) and the data APIs only the
        // browser asked for.
        #expect(resources.contains { $0.role == .script && $0.url.hasSuffix("/static/js/app.3f9a21.js") })
        #expect(served.isSuperset(of: ["http://www.spa.gov.cn/static/js/chunk-vendors.5b1e07.js",
                                       "http://www.spa.gov.cn/api/site.json",
                                       "http://www.spa.gov.cn/api/policy/privacy.json"]), "\(served.sorted())")
        // Only the fixture hosts were asked for anything: the browser reached no other network.
        let fixtureHosts: Set<String> = ["www.spa.gov.cn", "h5.spa.gov.cn", "mp.spa.gov.cn", "english.spa.gov.cn"]
        #expect(runs.requestedHosts.isSubset(of: fixtureHosts), "\(runs.requestedHosts.sorted())")
        // The mini-program end answers only WeChat, and was rendered as WeChat.
        let miniProgram = try #require(contents.renders["spa-mp"]?.first)
        #expect(String(decoding: miniProgram.dom, as: UTF8.self).contains("微信授权登录"))
        let manifest = try JSONValue.parse(String(decoding: FileManager.default.contents(atPath: runs.auto + "/run.json") ?? Data(), as: UTF8.self))
        #expect(manifest["options"]?["render"]?.stringValue == "auto")
        let schemas = try await TiyanProcess.runProgram(
            "/usr/bin/env", ["python3", TiyanProcess.repositoryRoot + "/schemas/validate.py", runs.auto])
        #expect(schemas.status == 0, "a rendered run folder keeps to schemas/: \(schemas.stdout) \(schemas.stderr)")
        #expect(manifest["options"]?["render_engine"]?.stringValue?.hasPrefix("Chrome/") == true)
    }

    /// Without a browser, auto warns once and judges the served pages exactly as `never` does;
    /// `always`, which promises rendering, refuses to run.
    @Test func withoutChromiumAutoFallsBackAndSaysSo() async throws {
        let runs = try await Self.runs.value
        let fallback = runs.unavailable
        #expect(fallback.status == 0, "\(fallback.stderr.suffix(2000))")
        #expect(fallback.stderr.components(separatedBy: "warning:").count == 2, "one warning: \(fallback.stderr)")
        #expect(fallback.stderr.contains("pages are judged as served"))
        let manifest = try JSONValue.parse(String(
            decoding: FileManager.default.contents(atPath: fallback.lastLine + "/run.json") ?? Data(), as: UTF8.self))
        #expect(manifest["options"]?["render"]?.stringValue == "unavailable")
        let served = try results(runs.never)
        let fellBack = try results(fallback.lastLine)
        #expect(served.count == fellBack.count && served.count > 100)
        for (key, result) in served {
            #expect(fellBack[key]?["status"] == result["status"], "\(key)")
        }
        #expect(runs.always.status == 1)
        #expect(runs.always.stderr.contains("--render always"), "\(runs.always.stderr)")
    }

    @Test func reprobeOfARenderedRunReproducesItsResultsOffline() async throws {
        try #require(Self.chromium != nil, "Chromium is not installed: scripts/install-deps installs Debian's chromium")
        let runs = try await Self.runs.value
        let copy = runs.workspace + "/reprobe-rendered"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: runs.auto + "/archive.warc.gz", toPath: copy + "/archive.warc.gz")
        let outcome = try await TiyanProcess.run(["reprobe", copy, "--probes", TiyanProcess.repositoryRoot + "/probes"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let original = FileManager.default.contents(atPath: runs.auto + "/results.jsonl")
        let again = FileManager.default.contents(atPath: copy + "/results.jsonl")
        #expect(original != nil && original == again, "results.jsonl differs after reprobe")
    }
}

private enum HashRoutes {
    static func strip(_ url: String) -> String {
        url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
    }
}
