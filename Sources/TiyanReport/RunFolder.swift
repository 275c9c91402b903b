public import Foundation
public import TiyanCore

/// A finished run folder read back for `tiyan rank` and `tiyan diff`: its identity from
/// run.json (the folder name when run.json is missing), its scores.csv and, on demand, its
/// results.jsonl. Reading never touches the archive or the network.
public struct RunFolder: Sendable {
    public var path: String
    public var runID: String
    public var startedAt: String?
    public var algorithmVersion: String?

    public init(path: String, runID: String, startedAt: String? = nil, algorithmVersion: String? = nil) {
        self.path = path
        self.runID = runID
        self.startedAt = startedAt
        self.algorithmVersion = algorithmVersion
    }

    /// Reads run.json when present; a folder without scores.csv and results.jsonl is no run.
    public static func open(_ path: String) throws -> RunFolder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReadFailure("\(path) is not a run folder")
        }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        var folder = RunFolder(path: trimmed, runID: URL(fileURLWithPath: trimmed).lastPathComponent)
        if let text = try? folder.text("run.json") {
            guard let manifest = try? JSONValue.parse(text) else { throw ReadFailure("\(trimmed)/run.json is not JSON") }
            folder.runID = manifest["run_id"]?.stringValue ?? folder.runID
            folder.startedAt = manifest["started_at"]?.stringValue
            folder.algorithmVersion = manifest["algorithm_version"]?.stringValue
        }
        return folder
    }

    public func text(_ name: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path + "/" + name) else {
            let reason = FileAccess.problem(reading: path + "/" + name, as: .file)
            throw ReadFailure("cannot read \(path)/\(name): \(reason)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    public func scores() throws -> ScoreTable {
        do {
            var table = try ScoreTable.parse(text("scores.csv"))
            // An old scores.csv without the column: run.json names the rules.
            for index in table.rows.indices where table.rows[index].algorithmVersion == nil {
                table.rows[index].algorithmVersion = algorithmVersion
            }
            return table
        } catch let failure as ReadFailure {
            throw ReadFailure("\(path)/scores.csv: \(failure.description)")
        }
    }

    /// results.jsonl, one parsed line each; a line that is not a JSON object is an error naming it.
    public func results() throws -> [ResultLine] {
        var lines: [ResultLine] = []
        for (number, line) in try text("results.jsonl").split(separator: "\n").enumerated() {
            guard let value = try? JSONValue.parse(String(line)), let result = ResultLine(value) else {
                throw ReadFailure("\(path)/results.jsonl:\(number + 1): not a result line")
            }
            lines.append(result)
        }
        return lines
    }

    /// Runs in time order: by start time, then run id (UTC timestamps sort as text).
    public static func chronological(_ a: RunFolder, _ b: RunFolder) -> Bool {
        (a.startedAt ?? a.runID, a.runID) < (b.startedAt ?? b.runID, b.runID)
    }
}

/// One results.jsonl line as `diff` compares it.
public struct ResultLine: Sendable {
    public var target: String
    public var indicator: String
    public var module: String
    public var status: String
    public var value: JSONValue
    public var score: Double?

    public init(target: String, indicator: String, module: String, status: String, value: JSONValue = .null,
                score: Double? = nil) {
        self.target = target
        self.indicator = indicator
        self.module = module
        self.status = status
        self.value = value
        self.score = score
    }

    init?(_ json: JSONValue) {
        guard let target = json["target"]?.stringValue, let indicator = json["indicator"]?.stringValue,
              let status = json["status"]?.stringValue else { return nil }
        self.init(target: target, indicator: indicator, module: json["module"]?.stringValue ?? "",
                  status: status, value: json["value"] ?? .null, score: json["score"]?.doubleValue)
    }
}
