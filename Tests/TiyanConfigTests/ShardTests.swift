import Testing
import TiyanConfig

@Suite struct ShardTests {
    @Test func parsesKOfN() {
        #expect(Shard("2/4") == Shard(index: 2, count: 4))
        for bad in ["0/4", "5/4", "1/0", "-1/2", "1", "a/b", "1/2/3", "", "/2"] {
            #expect(Shard(bad) == nil, "\(bad)")
        }
    }

    @Test func shardsPartitionTheTargetsInOrder() {
        for total in 0...40 {
            for count in 1...7 {
                let all = Array(0..<total)
                let parts = (1...count).compactMap { Shard(index: $0, count: count)?.select(all) }
                #expect(parts.flatMap { $0 } == all, "\(total) targets in \(count) shards")
                let sizes = parts.map(\.count)
                #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "balanced: \(sizes)")
            }
        }
    }
}
