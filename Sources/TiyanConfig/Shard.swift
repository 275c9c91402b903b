/// One machine's share of a crawl: shard `index` (1-based, as printed in run ids) of `count`.
///
/// A shard takes a contiguous block of the selected targets by position (targets.yaml order,
/// after `--only`), the blocks differing in size by at most one. Position rather than a hash of
/// the id, so that the shards' archives concatenated in shard order list the targets in the
/// order an unsharded crawl records them: a merged run then writes the unsharded run's
/// results.jsonl line for line, and `reprobe` on it reproduces that file byte for byte.
/// Every shard must be given the same targets file (merge checks its hash).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The positions in `0..<total` this shard takes.
    public func range(of total: Int) -> Range<Int> {
        let lower = total * (index - 1) / count
        let upper = total * index / count
        return lower..<upper
    }

    public func select<Element>(_ all: [Element]) -> [Element] {
        Array(all[range(of: all.count)])
    }
}
