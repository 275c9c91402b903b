/// scores.csv read back, for `tiyan rank`: columns are told apart by name (`dimension:` and
/// `item:` prefixes, the fixed id/name/region/total/grade/veto/algorithm_version), so files
/// written before dimensions existed read too.
public struct ScoreTable: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var name: String
        public var region: String
        public var total: Double?
        public var grade: String?
        /// Module, dimension and item scores by column name (without prefix).
        public var scores: [String: Double]
        public var vetoes: [String]
        public var algorithmVersion: String?
        /// Measured share (0–100) by score column as scores.csv names it (`basics`, `total`,
        /// `dimension:可用`); empty for files written before coverage existed.
        public var coverage: [String: Double] = [:]
        /// Withheld score columns (same names) and why: not graded, not ranked.
        public var withheld: [String: String] = [:]

        /// The coverage of a module, dimension or item column as `ScoreTable` names it (no prefix).
        public func coverage(of column: String, in table: ScoreTable) -> Double? {
            coverage[table.fileColumn(column)]
        }

        public func withheldReason(of column: String, in table: ScoreTable) -> String? {
            withheld[table.fileColumn(column)]
        }
    }

    /// scores.csv's name of a column given without prefix (a module, dimension or item name).
    public func fileColumn(_ column: String) -> String {
        if column == "total" || modules.contains(column) { return column }
        if dimensions.contains(column) { return ScoresFile.dimensionPrefix + column }
        if items.contains(column) { return ScoresFile.itemPrefix + column }
        return column
    }

    public var modules: [String]
    public var dimensions: [String]
    public var items: [String]
    public var rows: [Row]

    static let fixedColumns: Set<String> = ["id", "name", "region", "total", "grade", "veto", "algorithm_version",
                                            "not_rankable"]

    /// Parses scores.csv; throws a message when the header lacks `id` or `total`.
    public static func parse(_ text: String) throws -> ScoreTable {
        let lines = CSVField.parse(text)
        guard let header = lines.first, header.contains("id"), header.contains("total") else {
            throw ReadFailure("scores.csv has no header with id and total")
        }
        var modules: [String] = [], dimensions: [String] = [], items: [String] = []
        for column in header where !fixedColumns.contains(column) && !column.hasPrefix(ScoresFile.coveragePrefix) {
            if column.hasPrefix(ScoresFile.dimensionPrefix) {
                dimensions.append(String(column.dropFirst(ScoresFile.dimensionPrefix.count)))
            } else if column.hasPrefix(ScoresFile.itemPrefix) {
                items.append(String(column.dropFirst(ScoresFile.itemPrefix.count)))
            } else {
                modules.append(column)
            }
        }
        var rows: [Row] = []
        for fields in lines.dropFirst() where fields != [""] {
            func field(_ name: String) -> String? {
                guard let index = header.firstIndex(of: name), index < fields.count else { return nil }
                return fields[index]
            }
            var scores: [String: Double] = [:]
            var coverage: [String: Double] = [:]
            for column in header where column.hasPrefix(ScoresFile.coveragePrefix) {
                guard let text = field(column), let value = Double(text), value.isFinite else { continue }
                coverage[String(column.dropFirst(ScoresFile.coveragePrefix.count))] = value
            }
            var withheld: [String: String] = [:]
            for entry in (field("not_rankable") ?? "").components(separatedBy: ScoresFile.withheldSeparator) {
                guard let colon = entry.range(of: ": ") else { continue }
                withheld[String(entry[..<colon.lowerBound])] = String(entry[colon.upperBound...])
            }
            for column in header where !fixedColumns.contains(column) && !column.hasPrefix(ScoresFile.coveragePrefix) {
                guard let text = field(column), let value = Double(text), value.isFinite else { continue }
                let name = column.hasPrefix(ScoresFile.dimensionPrefix)
                    ? String(column.dropFirst(ScoresFile.dimensionPrefix.count))
                    : column.hasPrefix(ScoresFile.itemPrefix) ? String(column.dropFirst(ScoresFile.itemPrefix.count)) : column
                scores[name] = value
            }
            guard let id = field("id"), !id.isEmpty else { continue }
            rows.append(Row(
                id: id, name: field("name") ?? "", region: field("region") ?? "",
                total: field("total").flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil },
                grade: field("grade").flatMap { $0.isEmpty ? nil : $0 }, scores: scores,
                vetoes: (field("veto") ?? "").split(separator: ";").map(String.init),
                algorithmVersion: field("algorithm_version").flatMap { $0.isEmpty ? nil : $0 },
                coverage: coverage, withheld: withheld))
        }
        return ScoreTable(modules: modules, dimensions: dimensions, items: items, rows: rows)
    }
}

/// A run folder file that cannot be read or understood; the message names the file.
public struct ReadFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
