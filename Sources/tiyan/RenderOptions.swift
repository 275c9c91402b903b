import ArgumentParser
import Foundation
import TiyanBrowser
import TiyanCore

/// RenderMode as the command line spells it (a conformance of the public type itself would
/// make ArgumentParser part of TiyanCore's interface).
enum RenderChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
    var mode: RenderMode { RenderMode(rawValue: rawValue) ?? .auto }
}

/// `--render` and the browser it needs, started once per crawl.
struct RenderOptions: ParsableArguments {
    @Option(name: .customLong("render"), help: ArgumentHelp(
        "Which pages to render in headless Chromium before probing: auto (script shells, every page of h5 and "
            + "miniprogram-web targets, home, login, privacy and agreement pages), always (every page) or never "
            + "(judge the served HTML only). A target's render: field wins. Chromium is $TIYAN_CHROMIUM, else "
            + "chromium on PATH; without it auto warns and judges the served HTML.",
        valueName: "auto|always|never"))
    var choice: RenderChoice = .auto

    var render: RenderMode { choice.mode }

    @Option(name: .customLong("render-time-cap"), help: ArgumentHelp(
        "Seconds from navigation to capture for one rendered page.", valueName: "seconds"))
    var renderTimeCap: Double = 15

    func validate() throws {
        guard renderTimeCap.isFinite, renderTimeCap > 0, renderTimeCap <= 600 else {
            throw ValidationError("--render-time-cap must be a number of seconds between 0 and 600")
        }
    }

    /// The browser when some target is to be rendered, and what run.json says of rendering:
    /// the mode, or `unavailable` when no Chromium could be started.
    func startBrowser(for targets: [Target]) async throws -> (renderer: Chromium?, state: String) {
        let wanted = targets.contains { ($0.render ?? render) != .never }
        guard wanted else { return (nil, render.rawValue) }
        let problem: String
        if let executable = Chromium.locate() {
            do {
                return (try await Chromium.launch(executable: executable), render.rawValue)
            } catch {
                problem = "Chromium (\(executable)) did not start: \(error)"
            }
        } else {
            problem = "no Chromium found (install Debian's chromium, or set TIYAN_CHROMIUM)"
        }
        if render == .always { throw RunFailure("--render always: \(problem)") }
        Progress.error("tiyan: warning: \(problem); pages are judged as served, without rendering")
        return (nil, "unavailable")
    }
}
