public import Foundation
public import TiyanCore

/// run.json: what a run was (when, with which tool and rules, over which configuration) and a
/// summary of what it found, so a ranking engine can refuse to compare runs scored differently.
public struct RunManifest: Sendable {
    public var runID: String
    public var startedAt: Date
    public var finishedAt: Date
    public var toolVersion: String
    public var algorithmVersion: String
    public var targetsSHA256: String
    public var probesSHA256: String
    /// Hex SHA-256 of archive.warc.gz as written, so the evidence can be shown intact years later
    /// (each record also carries its own WARC-Block-Digest). Nil where no archive is known.
    public var archiveSHA256: String?
    /// The options the run was started with, in the order given (command-line order is stable).
    public var options: [(String, String)]
    public var countsByStatus: [Status: Int]
    public var targetCount: Int
    public var pageCount: Int

    public init(
        runID: String, startedAt: Date, finishedAt: Date, toolVersion: String, algorithmVersion: String,
        targetsSHA256: String, probesSHA256: String, options: [(String, String)] = [],
        countsByStatus: [Status: Int] = [:], targetCount: Int = 0, pageCount: Int = 0, archiveSHA256: String? = nil
    ) {
        self.archiveSHA256 = archiveSHA256
        self.runID = runID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.toolVersion = toolVersion
        self.algorithmVersion = algorithmVersion
        self.targetsSHA256 = targetsSHA256
        self.probesSHA256 = probesSHA256
        self.options = options
        self.countsByStatus = countsByStatus
        self.targetCount = targetCount
        self.pageCount = pageCount
    }

    /// Every status appears, zero included, in `Status.allCases` order: readers need no defaults
    /// and two manifests diff line by line.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("run_id", .string(runID)),
            ("started_at", .string(UTCTime(startedAt).iso8601)),
            ("finished_at", .string(UTCTime(finishedAt).iso8601)),
            ("tool_version", .string(toolVersion)),
            ("algorithm_version", .string(algorithmVersion)),
            ("targets_sha256", .string(targetsSHA256)),
            ("probes_sha256", .string(probesSHA256)),
            ("options", .object(options.map { ($0.0, .string($0.1)) })),
            ("counts_by_status", .object(Status.allCases.map { ($0.rawValue, .int(countsByStatus[$0] ?? 0)) })),
            ("target_count", .int(targetCount)),
            ("page_count", .int(pageCount)),
        ]
        if let archiveSHA256, let index = pairs.firstIndex(where: { $0.0 == "probes_sha256" }) {
            pairs.insert(("archive_sha256", .string(archiveSHA256)), at: index + 1)
        }
        return .object(pairs)
    }

    public func render() -> String { PrettyJSON.render(json) }
}
