public import Foundation
public import TiyanCore

extension RunManifest {
    /// run.json of an earlier run after `tiyan reprobe`: what the crawl recorded (times, options,
    /// targets) stays, while what the new probes and scoring rules decide is replaced, so that
    /// run.json and scores.csv always name the same `algorithm_version`. Keys keep their order;
    /// `rescored_at` records when it happened. Nil when the text is not a JSON object.
    public static func rescored(
        _ text: String, algorithmVersion: String, probesSHA256: String, countsByStatus: [Status: Int],
        at date: Date
    ) -> String? {
        guard case let .object(pairs)? = try? JSONValue.parse(text) else { return nil }
        let replacements: [(String, JSONValue)] = [
            ("algorithm_version", .string(algorithmVersion)),
            ("probes_sha256", .string(probesSHA256)),
            ("counts_by_status", .object(Status.allCases.map { ($0.rawValue, .int(countsByStatus[$0] ?? 0)) })),
            ("rescored_at", .string(UTCTime(date).iso8601)),
        ]
        var updated = pairs
        for (key, value) in replacements {
            if let index = updated.firstIndex(where: { $0.0 == key }) {
                updated[index].1 = value
            } else {
                updated.append((key, value))
            }
        }
        return PrettyJSON.render(.object(updated))
    }
}
