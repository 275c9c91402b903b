import TiyanCore
import TiyanReport

/// Reads lines of results.jsonl and pages.jsonl back into values, for commands that work on
/// finished runs (merge). A line that does not have the SPEC.md shape is an error naming it.
enum RunFileDecoding {
    static func lines(_ text: String, file: String) throws -> [JSONValue] {
        var values: [JSONValue] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            do {
                values.append(try JSONValue.parse(String(line)))
            } catch {
                throw RunFailure("\(file):\(number + 1): not JSON: \(error)")
            }
        }
        return values
    }

    static func result(_ json: JSONValue, file: String) throws -> IndicatorResult {
        guard let target = json["target"]?.stringValue, let indicator = json["indicator"]?.stringValue,
              let module = json["module"]?.stringValue,
              let status = json["status"]?.stringValue.flatMap(Status.init(rawValue:))
        else { throw RunFailure("\(file): a line lacks target, indicator, module or a known status") }
        let evidence = (json["evidence"]?.arrayValue ?? []).map { item -> Evidence in
            guard case let .object(pairs) = item else { return Evidence(url: "", locator: "", snippet: "") }
            let known: Set<String> = ["url", "locator", "snippet"]
            return Evidence(url: item["url"]?.stringValue ?? "", locator: item["locator"]?.stringValue ?? "",
                            snippet: item["snippet"]?.stringValue ?? "",
                            extra: pairs.filter { !known.contains($0.0) })
        }
        return IndicatorResult(
            target: target, indicator: indicator, module: module, status: status, value: json["value"] ?? .null,
            score: json["score"]?.doubleValue,
            confidence: json["confidence"]?.stringValue.flatMap(Confidence.init(rawValue:)) ?? .low,
            evidence: evidence, probeVersion: json["probe_version"]?.stringValue ?? "",
            reason: json["reason"]?.stringValue)
    }

    static func page(_ json: JSONValue, file: String) throws -> PageLine {
        guard let target = json["target"]?.stringValue, let role = json["role"]?.stringValue,
              let url = json["url"]?.stringValue
        else { throw RunFailure("\(file): a line lacks target, role or url") }
        return PageLine(
            target: target, role: role, url: url, finalURL: json["final_url"]?.stringValue ?? url,
            redirects: (json["redirects"]?.arrayValue ?? []).compactMap(\.stringValue),
            status: json["status"]?.doubleValue.flatMap(Int.init(exactly:)),
            contentType: json["content_type"]?.stringValue, charset: json["charset"]?.stringValue,
            charsetSource: json["charset_source"]?.stringValue,
            bytes: json["bytes"]?.doubleValue.flatMap(Int.init(exactly:)) ?? 0,
            milliseconds: json["ms"]?.doubleValue.flatMap(Int.init(exactly:)) ?? 0,
            error: json["error"]?.stringValue, configured: json["configured"]?.boolValue ?? false,
            warcOffset: json["warc_offset"]?.doubleValue.flatMap(Int64.init(exactly:)),
            unverifiedTLS: json["unverified_tls"]?.boolValue ?? false)
    }
}
