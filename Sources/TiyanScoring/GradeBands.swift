/// Grade bands over the total (0–100), highest floor first, read from probes/scoring.yaml; a
/// total below every floor gets `lowest`.
public struct GradeBands: Sendable, Hashable {
    public struct Band: Sendable, Hashable {
        public var grade: String
        public var floor: Double

        public init(grade: String, floor: Double) {
            self.grade = grade
            self.floor = floor
        }
    }

    public var bands: [Band]
    public var lowest: String

    /// Sorts the bands by floor, highest first, whatever order they were written in.
    public init(bands: [Band], lowest: String) {
        self.bands = bands.sorted { $0.floor > $1.floor }
        self.lowest = lowest
    }

    /// Graded on the total as printed (one decimal), so a row showing 90.0 never reads "A".
    public func grade(for total: Double) -> String {
        let shown = (total * 10).rounded() / 10
        return bands.first { shown >= $0.floor }?.grade ?? lowest
    }
}
