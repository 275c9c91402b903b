/// Grade bands over the total (0–100), highest first; a total below every floor gets `lowest`.
/// Hard-coded until scoring becomes versioned data: a later issue moves this table to
/// probes/scoring.yaml, and changing it then changes `Scorer.algorithmVersion`.
public enum GradeBands {
    public static let bands: [(grade: String, floor: Double)] = [
        ("A+", 90), ("A", 80), ("B", 70), ("C", 60),
    ]
    public static let lowest = "D"

    /// Graded on the total as printed (one decimal), so a row showing 90.0 never reads "A".
    public static func grade(for total: Double) -> String {
        let shown = (total * 10).rounded() / 10
        return bands.first { shown >= $0.floor }?.grade ?? lowest
    }
}
