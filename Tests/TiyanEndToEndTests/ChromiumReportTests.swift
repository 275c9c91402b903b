import Foundation
import Testing
import TiyanCore
import TiyanTestSupport

/// The evaluators' report in a real browser (Debian's `chromium`, headless): it loads without
/// console errors or requests, the fixture page full of script-injection payloads
/// (www.inject.gov.cn) yields no executed script and no injected element, and the filters work.
@Suite(.serialized) struct ChromiumReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Loads `file` headless with console messages on stderr; returns the DOM after load and the
    /// console lines (Content Security Policy refusals among them).
    static func load(_ file: String) async throws -> (dom: String, console: [String]) {
        guard let chromium = Self.chromium else {
            throw TestFailure("chromium is not installed (scripts/install-deps installs it)")
        }
        let profile = NSTemporaryDirectory() + "tiyan-chromium-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let outcome = try await TiyanProcess.runProgram(chromium, [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0",
            // Any request leaving the machine would fail loudly instead of reaching the internet.
            "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=2000",
            "--dump-dom", URL(fileURLWithPath: file).absoluteString,
        ])
        #expect(outcome.status == 0, "chromium: \(outcome.stderr.suffix(2000))")
        let console = outcome.stderr.split(separator: "\n").map(String.init).filter {
            $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("Content Security Policy")
                || $0.contains("Refused to")
        }
        return (outcome.stdout, console)
    }

    @Test func consoleCaptureSeesAControlError() async throws {
        // Without this control a broken capture would pass every report.
        let control = NSTemporaryDirectory() + "tiyan-control-\(UUID().uuidString).html"
        try "<!DOCTYPE html><html><body><script>console.error('tiyan-control-' + (6 * 7))</script></body></html>"
            .write(toFile: control, atomically: true, encoding: .utf8)
        let (dom, console) = try await Self.load(control)
        #expect(console.contains { $0.contains("tiyan-control-42") }, "console lines: \(console)")
        #expect(dom.contains("<body>"))
    }

    @Test func reportLoadsWithoutConsoleErrorsAndNoInjectedElement() async throws {
        let run = try await FixtureRun.shared.value
        let report = try run.file("index.html")
        // The payloads did reach the report (as text), or this test would prove nothing.
        #expect(report.components(separatedBy: "data-pwned").count > 3, "payloads missing from the report")
        let (dom, console) = try await Self.load(run.directory + "/index.html")
        #expect(console.isEmpty, "console: \(console)")
        #expect(dom.contains("class=\"chart\""), "the heat map is in the rendered page")

        let audit = """
            import sys
            from html.parser import HTMLParser
            allowed_inputs = ("fm-", "fs-", "ft-", "hide-")
            class Audit(HTMLParser):
                def __init__(self):
                    super().__init__()
                    self.problems, self.svgs, self.chart_svgs, self.styles = [], 0, 0, 0
                def handle_starttag(self, tag, attrs):
                    a = dict(attrs)
                    for name, value in attrs:
                        if name.startswith("on") or name == "data-pwned" or name == "srcdoc":
                            self.problems.append(f"<{tag}> has {name}")
                        if name in ("href", "src", "action") and (value or "").strip().lower().startswith(("javascript:", "data:")):
                            self.problems.append(f"<{tag}> {name}={value[:60]}")
                    if tag in ("script", "iframe", "img", "object", "embed", "form", "textarea", "link", "base", "frame", "video", "audio"):
                        self.problems.append(f"<{tag}> element")
                    if tag == "input" and not (a.get("id") or "").startswith(allowed_inputs):
                        self.problems.append(f"<input id={a.get('id')}>")
                    if tag == "svg":
                        self.svgs += 1
                        if "chart" in (a.get("class") or "").split(): self.chart_svgs += 1
                    if tag == "style": self.styles += 1
            audit = Audit()
            audit.feed(sys.stdin.read())
            if audit.svgs != audit.chart_svgs: audit.problems.append(f"{audit.svgs - audit.chart_svgs} foreign <svg>")
            if audit.styles != 1: audit.problems.append(f"{audit.styles} <style> elements")
            print("\\n".join(audit.problems) if audit.problems else "clean")
            """
        let domFile = NSTemporaryDirectory() + "tiyan-dom-\(UUID().uuidString).html"
        try dom.write(toFile: domFile, atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.runProgram("/bin/sh", ["-c", "python3 -c \"$0\" < \"$1\"", audit, domFile])
        #expect(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "clean",
                "injected into the rendered report:\n\(outcome.stdout)\(outcome.stderr)")
    }

    /// Runs Tests/Fixtures/browser/report_in_chromium.py: the report driven over the DevTools
    /// protocol, with the filters clicked as an evaluator would.
    private func drive(_ file: String, target: String) async throws -> JSONValue {
        guard let chromium = Self.chromium else {
            throw TestFailure("chromium is not installed (scripts/install-deps installs it)")
        }
        let driver = TiyanProcess.repositoryRoot + "/Tests/Fixtures/browser/report_in_chromium.py"
        let outcome = try await TiyanProcess.runProgram("/usr/bin/env", ["python3", driver, chromium, file, target])
        guard outcome.status == 0, let line = outcome.stdout.split(separator: "\n").last else {
            throw TestFailure("driver failed: \(outcome.stdout.suffix(1000)) \(outcome.stderr.suffix(2000))")
        }
        return try JSONValue.parse(String(line))
    }

    @Test func filtersWorkAndNothingRunsOrLoadsOverDevTools() async throws {
        let run = try await FixtureRun.shared.value
        let report = try await drive(run.directory + "/index.html", target: "inject")
        for key in ["console", "exceptions", "log_errors", "requests", "injected"] {
            #expect(report[key]?.arrayValue?.isEmpty == true, "\(key): \(report[key]?.serialized() ?? "missing")")
        }
        let sections = report["sections_before"]?.doubleValue ?? 0
        #expect(sections == Double(FixturePortals.targets.count))
        #expect((report["pass_rows_before"]?.doubleValue ?? 0) > 0)
        #expect(report["pass_rows_after"]?.doubleValue == 0, "unticking pass hides passing indicators")
        #expect(report["sections_after_target"] == .array([.string("target-inject")]), "the target filter shows one target")
        #expect(report["rows_outside_module_0"]?.doubleValue == 0 && (report["rows_in_module_0"]?.doubleValue ?? 0) > 0)

        // The aims of the report (README): small, quick, readable at 1366 px and on a phone.
        let bytes = try FileManager.default.attributesOfItem(atPath: run.directory + "/index.html")[.size] as? Int ?? .max
        // 2.2 MB since the services module (eight modules, 26 portals: 1.99 MB); 1.5 MB held for
        // seven modules and 24 portals (1.48 MB).
        #expect(bytes < 2_200_000, "index.html is \(bytes) bytes")
        // The load time is printed, not asserted (it measures the machine as much as the page); what
        // makes a report slow to open is its DOM, and that is bounded here.
        let load = report["load_ms"]?.doubleValue ?? .infinity
        let nodes = report["dom_nodes"]?.doubleValue ?? .infinity
        #expect(nodes < 60_000, "the report has \(nodes) DOM nodes")
        let wide = report["layout_1366"]
        #expect((wide?["measured_right"]?.doubleValue ?? .infinity) <= 1366 && (wide?["rank_right"]?.doubleValue ?? .infinity) <= 1366,
                "rank and coverage without horizontal scrolling at 1366 px: \(wide?.serialized() ?? "")")
        #expect((report["layout_390"]?["scroll_width"]?.doubleValue ?? .infinity) <= 390,
                "the page does not overflow a 390 px phone: \(report["layout_390"]?.serialized() ?? "")")
        for width in ["1366", "390"] {
            let anchor = report["anchor"]?[width]
            #expect(anchor?["covered"] == .bool(false) && anchor?["in_view"] == .bool(true),
                    "#\(anchor?["id"]?.stringValue ?? "?") below the sticky bar at \(width) px: \(anchor?.serialized() ?? "")")
        }
        print("report: \(bytes) bytes, \(Int(report["dom_nodes"]?.doubleValue ?? 0)) DOM nodes, load \(Int(load)) ms")
    }

    @Test func devToolsDriverSeesAnExecutedScript() async throws {
        // The report with its CSP removed and a script added: the driver must notice, or its
        // clean verdict on the real report would mean nothing.
        let run = try await FixtureRun.shared.value
        let control = NSTemporaryDirectory() + "tiyan-control-\(UUID().uuidString).html"
        try run.file("index.html")
            .replacingOccurrences(of: "<meta http-equiv=\"Content-Security-Policy\"", with: "<meta name=\"x\"")
            .replacingOccurrences(of: "<body>", with: "<body><script>document.documentElement.setAttribute('data-pwned','control');fetch('http://tiyan.invalid/')</script>")
            .write(toFile: control, atomically: true, encoding: .utf8)
        let report = try await drive(control, target: "inject")
        let injected = report["injected"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(injected.contains("data-pwned=control"), "\(injected)")
        #expect(report["requests"]?.arrayValue?.contains(.string("http://tiyan.invalid/")) == true,
                "\(report["requests"]?.serialized() ?? "")")
    }
}
