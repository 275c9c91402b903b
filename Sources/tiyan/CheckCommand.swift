import ArgumentParser
import Foundation
import TiyanConfig
import TiyanCore
import TiyanCrawl
import TiyanFetch
import TiyanProbes

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the page-level probes on local HTML files or single URLs.",
        discussion: """
            Each input is treated as one page of ROLE (default home) of a site that has nothing else. \
            Only page rules run: indicators decided from a whole crawl (reachability, HTTPS, IPv6, dead \
            links; `scope: site` in probes/) need `tiyan crawl`. --format json always prints a list, one \
            object per input; an input that could not be judged has "error" and empty lists.
            \(ExitStatus.check)
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("The role each input plays: \(PageRole.allCases.filter(\.isPage).map(\.rawValue).joined(separator: ", ")).",
                               valueName: "ROLE"))
    var role: String = "home"

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: ArgumentHelp(DefaultData.probesHelp, valueName: "DIR"))
    var probes: String?

    @Argument(help: "Local HTML files or http(s) URLs.")
    var inputs: [String]

    @Flag(help: ArgumentHelp(RunProfile.help))
    var profile = false

    @OptionGroup var network: NetworkOptions

    func validate() throws {
        guard let role = PageRole(rawValue: role), role.isPage else {
            throw ValidationError("--role '\(role)' is not a page role")
        }
        guard !inputs.isEmpty else { throw ValidationError("give at least one file or URL") }
        for input in inputs {
            if let problem = CheckInput.pathProblem(input) { throw ValidationError(problem) }
        }
    }

    func run() async throws {
        var runProfile = profile ? RunProfile() : nil
        var runner: ProbeRunner
        // The crawl's choice of same-site scripts and style sheets (absent: the page alone).
        var discovery: DiscoveryRules?
        do {
            let configuration = try ProbeConfiguration.load(directory: DefaultData.probes(probes))
            runner = try ProbeRunner(configuration: configuration)
            if configuration.files[DiscoveryRules.fileName] != nil {
                discovery = try DiscoveryRules.load(from: configuration)
            }
        } catch {
            Progress.error("tiyan: bad configuration: \(error)")
            throw ExitCode(1)
        }
        runner.profile = runProfile?.probes
        runProfile?.endStage("load the probes")
        let pageRole = PageRole(rawValue: role) ?? .home
        let pageIndicators = Set(runner.rules.filter { $0.scope == .page }.map(\.id))
        let fetcher = Fetcher(options: network.fetchOptions)
        var reports: [JSONValue] = []
        var unjudged = 0
        for (index, input) in inputs.enumerated() {
            let record = await load(input, role: pageRole, fetcher: fetcher)
            if let failure = CheckInput.failure(of: record, input: input) {
                Progress.error(failure)
                unjudged += 1
                if format == .json { reports.append(CheckInput.unjudged(input, record: record)) }
                continue
            }
            var resources: [FetchRecord] = []
            if let discovery {
                resources = await PageResources.records(
                    for: record, rules: discovery, fetcher: fetcher, userAgent: agent(for: pageRole),
                    localDirectory: isURL(input)
                        ? nil : URL(fileURLWithPath: input).deletingLastPathComponent().standardizedFileURL.path)
            }
            let target = Target(id: "check-\(index + 1)", name: input, region: "000000", url: record.url)
            let site = ArchivedSite(target: target, runStart: record.fetchedAt, resources: [record] + resources)
            let (rules, results) = AccessibilityRules.split(
                runner.evaluate(site, indicators: pageIndicators), role: pageRole)
            if format == .json {
                reports.append(.object([
                    ("file", .string(input)), ("rules", .array(rules.map(\.json))),
                    ("indicators", .array(results.map(\.json))),
                ]))
            } else {
                print("\(input) (\(pageRole.rawValue))\(CheckInput.note(of: record).map { " — \($0)" } ?? "")")
                for result in results {
                    let value = result.value.serialized()
                    print("  \(result.indicator.padding(toLength: 6, withPad: " ", startingAt: 0)) "
                          + "\(result.status.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(value)")
                    if let first = result.evidence.first {
                        print("         \(first.locator)  \(first.snippet.replacingOccurrences(of: "\n", with: " "))")
                    } else if let reason = result.reason {
                        print("         \(reason)")
                    }
                }
                for rule in rules { print(rule.line) }
            }
        }
        if format == .json { print(JSONValue.array(reports).serialized()) }
        runProfile?.endStage("fetch and judge")
        runProfile?.write()
        if unjudged > 0 { throw ExitCode(1) }
    }

    private func isURL(_ input: String) -> Bool { input.hasPrefix("http://") || input.hasPrefix("https://") }

    private func agent(for role: PageRole) -> UserAgent {
        UserAgent(profile: network.userAgent ?? (role == .homeMobile ? "mobile" : "desktop"))
    }

    /// A local file is a page that answered 200 with an HTML content type and no charset, so
    /// the charset comes from its BOM or `<meta>` as for a real response without one.
    private func load(_ input: String, role: PageRole, fetcher: Fetcher) async -> FetchRecord {
        if isURL(input) {
            let agent = agent(for: role)
            let response = await fetcher.fetch(FetchRequest(url: input, userAgent: agent))
            return response.record(target: "check", role: role, userAgentProfile: agent.profileName)
        }
        let url = URL(fileURLWithPath: input).absoluteString
        // Checked readable in validate(); a file that vanished since reads as an empty page.
        let data = FileManager.default.contents(atPath: input) ?? Data()
        return FetchRecord(target: "check", role: role, url: url, status: 200,
                           headers: [HTTPHeader(name: "Content-Type", value: "text/html")], body: data,
                           fetchedAt: Date())
    }
}
