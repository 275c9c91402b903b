import TiyanCore
import TiyanProbes

/// The lines a probe worker writes on stdout and its supervisor reads, one event each:
///
///     S <site>                                   the site's probes started
///     C <site> <offset> <bytes> <charset> <src>  what pages.jsonl says of one body (`-` for none)
///     V <site> <offset> <error>                  a page's error class as the probes derived it (`-`)
///     R <site> <results.jsonl line>              one indicator decided
///     E <site>                                   every indicator of the site decided
///     P <calls> <total ns> <self ns> <name>      one row of the profile (`--profile`), before D
///     D                                          every site given to the worker is done
///
/// Results are results.jsonl lines, so a result read back renders to the same bytes.
enum ProbeWorkerLine {
    case started(site: Int)
    case charset(site: Int, offset: Int64, bytes: Int, name: String?, source: String?)
    case verdict(site: Int, offset: Int64, error: FetchErrorClass?)
    case result(site: Int, IndicatorResult)
    case ended(site: Int)
    case profile(name: String, ProbeProfile.Entry)
    case done

    var text: String {
        switch self {
        case let .started(site): return "S \(site)"
        case let .charset(site, offset, bytes, name, source):
            return "C \(site) \(offset) \(bytes) \(Self.word(name)) \(Self.word(source))"
        case let .verdict(site, offset, error): return "V \(site) \(offset) \(Self.word(error?.rawValue))"
        case let .result(site, result): return "R \(site) " + result.json.serialized()
        case let .ended(site): return "E \(site)"
        case let .profile(name, entry):
            return "P \(entry.calls) \(entry.totalNanoseconds) \(entry.selfNanoseconds) \(name)"
        case .done: return "D"
        }
    }

    /// Nil for a line that is not one of the above (a worker that wrote something else).
    static func parse(_ line: Substring) -> ProbeWorkerLine? {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard let kind = parts.first else { return nil }
        if kind == "D" { return parts.count == 1 ? .done : nil }
        if kind == "P" {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let calls = Int(fields[1]), let total = UInt64(fields[2]),
                let own = UInt64(fields[3]), !fields[4].isEmpty
            else { return nil }
            return .profile(
                name: String(fields[4]), ProbeProfile.Entry(calls: calls, totalNanoseconds: total, selfNanoseconds: own))
        }
        guard parts.count >= 2, let site = Int(parts[1]) else { return nil }
        switch kind {
        case "S": return parts.count == 2 ? .started(site: site) : nil
        case "E": return parts.count == 2 ? .ended(site: site) : nil
        case "R":
            guard parts.count == 3, let json = try? JSONValue.parse(String(parts[2])),
                let result = try? RunFileDecoding.result(json, file: "probe worker")
            else { return nil }
            return .result(site: site, result)
        case "V":
            guard parts.count == 3 else { return nil }
            let fields = parts[2].split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, let offset = Int64(fields[0]) else { return nil }
            if fields[1] == "-" { return .verdict(site: site, offset: offset, error: nil) }
            guard let error = FetchErrorClass(rawValue: String(fields[1])) else { return nil }
            return .verdict(site: site, offset: offset, error: error)
        case "C":
            guard parts.count == 3 else { return nil }
            let fields = parts[2].split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 4, let offset = Int64(fields[0]), let bytes = Int(fields[1]) else { return nil }
            return .charset(
                site: site, offset: offset, bytes: bytes, name: value(fields[2]), source: value(fields[3]))
        default:
            return nil
        }
    }

    private static func word(_ text: String?) -> String {
        guard let text, !text.isEmpty, !text.contains(where: \.isWhitespace) else { return "-" }
        return text
    }

    private static func value(_ field: Substring) -> String? { field == "-" ? nil : String(field) }
}
