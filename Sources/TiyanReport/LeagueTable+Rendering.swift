import Foundation
import TiyanCore

extension LeagueTable {
    // MARK: text

    public func renderText() -> String {
        var out = "League table of run \(run.runID) (algorithm \(run.algorithmVersion ?? "unknown")), by \(grouping.rawValue)\n"
        if let earlier {
            out += "Movement since run \(earlier.runID) (algorithm \(earlier.algorithmVersion ?? "unknown"))\n"
        }
        out += "\n"
        out += TextTable.render(header: header(moves: "move", delta: "Δtotal"),
                                rows: rows.map { textFields($0) },
                                rightAligned: Set([0, 3, 5] + (earlier == nil ? [] : [6, 7])))
        if !dropped.isEmpty {
            out += "\nDropped since the earlier run:\n"
            for row in dropped {
                out += "  \(row.id)  \(row.name)  (was rank \(row.rank.map(String.init) ?? "–"), total \(Self.score(row.total)))\n"
            }
        }
        if rows.contains(where: { !$0.vetoes.isEmpty }) {
            out += "\nVeto items (单项否决) capped: "
                + rows.filter { !$0.vetoes.isEmpty }.map { "\($0.id) (\($0.vetoes.joined(separator: ", ")))" }
                .joined(separator: "; ") + "\n"
        }
        let withheld = withheldLines()
        if !withheld.isEmpty {
            out += "\nNot rankable (too little measured; see probes/scoring.yaml `coverage`):\n"
            for line in withheld { out += "  \(line)\n" }
        }
        return out
    }

    /// One line per target with withheld scores: `id total: 7% measured (minimum 50%): …`.
    private func withheldLines() -> [String] {
        rows.compactMap { row in
            var parts: [String] = []
            if let reason = row.withheld { parts.append("total: \(reason)") }
            for (column, cell) in zip(columns, row.cells) {
                if let reason = cell.withheld { parts.append("\(column): \(reason)") }
            }
            return parts.isEmpty ? nil : "\(row.id)  " + parts.joined(separator: "; ")
        }
    }

    /// `88%` beside a score; `n/r 31%` where the score is withheld; empty in files before coverage.
    static func coverageText(_ coverage: Double?) -> String {
        guard let coverage, coverage.isFinite else { return "–" }
        return "\(Int(coverage.rounded(.down)))%"
    }

    static func scoreText(_ score: Double?, withheld: String?, coverage: Double?) -> String {
        withheld != nil ? "n/r" : Self.score(score)
    }

    private func header(moves: String, delta: String) -> [String] {
        ["rank", "id", "name", "total", "grade", "measured"] + (earlier == nil ? [] : [moves, delta]) + columns
    }

    private func textFields(_ row: Row) -> [String] {
        var fields = [row.rank.map(String.init) ?? "–", row.id, row.name,
                      Self.scoreText(row.total, withheld: row.withheld, coverage: row.coverage), row.grade ?? "–",
                      Self.coverageText(row.coverage)]
        if earlier != nil { fields += movementFields(row.movement) }
        fields += row.cells.map { cell in
            let coverage = cell.coverage == nil ? "" : " " + Self.coverageText(cell.coverage)
            if cell.withheld != nil { return "n/r" + coverage }
            return cell.score == nil ? "–" + coverage
                : "\(Self.score(cell.score)) (\(cell.rank.map(String.init) ?? "–"))" + coverage
        }
        return fields
    }

    private func movementFields(_ movement: Movement?) -> [String] {
        switch movement {
        case .new: return ["new", "–"]
        case let .moved(rank, total)?:
            let move = rank.map { $0 > 0 ? "▲\($0)" : $0 < 0 ? "▼\(-$0)" : "=" } ?? "–"
            return [move, total.map(Self.signed) ?? "–"]
        case nil: return ["", ""]
        }
    }

    // MARK: markdown

    public func renderMarkdown() -> String {
        var out = "## League table — run \(Self.markdown(run.runID)) (algorithm \(Self.markdown(run.algorithmVersion ?? "unknown"))), by \(grouping.rawValue)\n\n"
        if let earlier {
            out += "Movement since run \(Self.markdown(earlier.runID)) (algorithm \(Self.markdown(earlier.algorithmVersion ?? "unknown"))).\n\n"
        }
        let head = header(moves: "move", delta: "Δtotal")
        out += "| " + head.map(Self.markdown).joined(separator: " | ") + " |\n"
        out += "|" + head.enumerated().map { index, _ in
            [0, 3, 5].contains(index) || (earlier != nil && [6, 7].contains(index)) ? " ---: " : " --- "
        }.joined(separator: "|") + "|\n"
        for row in rows {
            out += "| " + textFields(row).map(Self.markdown).joined(separator: " | ") + " |\n"
        }
        if !dropped.isEmpty {
            out += "\nDropped since the earlier run: "
                + dropped.map { "\(Self.markdown($0.id)) \(Self.markdown($0.name)) (was rank \($0.rank.map(String.init) ?? "–"))" }
                .joined(separator: ", ") + "\n"
        }
        let withheld = withheldLines()
        if !withheld.isEmpty {
            out += "\nNot rankable (too little measured):\n\n"
            for line in withheld { out += "- " + Self.markdown(line) + "\n" }
        }
        return out
    }

    /// Table cells must not break the table: pipes escaped, line breaks as spaces.
    static func markdown(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    // MARK: CSV

    /// One row per target of the latest run, then one per dropped target; `<column>_rank` after
    /// each score column; movement columns only with an earlier run.
    public func renderCSV() -> String {
        var head = ["rank", "id", "name", "region", "total", "grade", "total_coverage", "total_not_rankable"]
        for column in columns { head += [column, column + "_rank", column + "_coverage", column + "_not_rankable"] }
        head += ["veto", "algorithm_version"]
        if earlier != nil { head += ["movement", "rank_delta", "total_delta"] }
        var out = CSVField.row(head) + "\n"
        for row in rows {
            var fields = [row.rank.map(String.init) ?? "", row.id, row.name, row.region, ScoreText.format(row.total),
                          row.grade ?? "", ScoreText.format(row.coverage), row.withheld ?? ""]
            for cell in row.cells {
                fields += [ScoreText.format(cell.score), cell.rank.map(String.init) ?? "", ScoreText.format(cell.coverage),
                           cell.withheld ?? ""]
            }
            fields += [row.vetoes.joined(separator: ";"), run.algorithmVersion ?? ""]
            if earlier != nil {
                switch row.movement {
                case .new: fields += ["new", "", ""]
                case let .moved(rank, total)?:
                    fields += ["moved", rank.map(String.init) ?? "", total.map(Self.signed) ?? ""]
                case nil: fields += ["", "", ""]
                }
            }
            out += CSVField.row(fields) + "\n"
        }
        for row in dropped {
            var fields = ["", row.id, row.name, "", "", "", "", ""] + columns.flatMap { _ in ["", "", "", ""] }
                + ["", run.algorithmVersion ?? ""]
            fields += ["dropped", "", ""]
            out += CSVField.row(fields) + "\n"
        }
        return out
    }

    // MARK: JSON

    public func renderJSON() -> String {
        func number(_ value: Double?) -> JSONValue {
            guard let shown = value.map({ ($0 * 10).rounded() / 10 }), shown.isFinite else { return .null }
            return .number(shown)
        }
        func run(_ folder: RunFolder) -> JSONValue {
            .object([("run_id", .string(folder.runID)), ("path", .string(folder.path)),
                     ("algorithm_version", folder.algorithmVersion.map(JSONValue.string) ?? .null)])
        }
        let rowValues: [JSONValue] = rows.map { row in
            var pairs: [(String, JSONValue)] = [
                ("rank", row.rank.map { .int($0) } ?? .null), ("id", .string(row.id)), ("name", .string(row.name)),
                ("region", .string(row.region)), ("total", number(row.total)),
                ("grade", row.grade.map(JSONValue.string) ?? .null),
                ("coverage", number(row.coverage)),
                ("not_rankable", row.withheld.map(JSONValue.string) ?? .null),
                ("scores", .object(zip(columns, row.cells).map { column, cell in
                    (column, .object([("score", number(cell.score)), ("rank", cell.rank.map { .int($0) } ?? .null),
                                      ("coverage", number(cell.coverage)),
                                      ("not_rankable", cell.withheld.map(JSONValue.string) ?? .null)]))
                })),
                ("vetoes", .array(row.vetoes.map(JSONValue.string))),
            ]
            switch row.movement {
            case .new: pairs.append(("movement", .object([("kind", "new")])))
            case let .moved(rank, total)?:
                pairs.append(("movement", .object([("kind", "moved"), ("rank_delta", rank.map { .int($0) } ?? .null),
                                                   ("total_delta", number(total))])))
            case nil: break
            }
            return .object(pairs)
        }
        var pairs: [(String, JSONValue)] = [("run", run(self.run))]
        if let earlier { pairs.append(("earlier", run(earlier))) }
        pairs += [("by", .string(grouping.rawValue)), ("columns", .array(columns.map(JSONValue.string))),
                  ("rows", .array(rowValues))]
        if earlier != nil {
            pairs.append(("dropped", .array(dropped.map {
                .object([("id", .string($0.id)), ("name", .string($0.name)), ("rank", $0.rank.map { .int($0) } ?? .null),
                         ("total", number($0.total))])
            })))
        }
        return PrettyJSON.render(.object(pairs))
    }

    // MARK: numbers

    static func score(_ value: Double?) -> String {
        let text = ScoreText.format(value)
        return text.isEmpty ? "–" : text
    }

    static func signed(_ value: Double) -> String {
        let shown = (value * 10).rounded() / 10
        return shown == 0 ? "0.0" : String(format: "%+.1f", locale: nil, shown)
    }
}
