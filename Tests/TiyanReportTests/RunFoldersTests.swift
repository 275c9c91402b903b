import Foundation
import Testing
import TiyanReport

@Suite struct RunFoldersTests {
    private func makeRoot(complete: [String], incomplete: [String] = []) throws -> String {
        let root = NSTemporaryDirectory() + "tiyan-runfolders-\(UUID().uuidString)"
        for name in complete + incomplete {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
        }
        for name in complete {
            try "{}\n".write(toFile: root + "/" + name + "/run.json", atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func recognisesRunIDs() {
        #expect(RunFolders.isRunID("20261123T020000Z"))
        #expect(RunFolders.isRunID("20261123T020000Z-shard2-of-4"))
        for other in ["latest", "notes", "20261123T020000Z.bak", "2026-11-23", ".pruning-20261123T020000Z"] {
            #expect(!RunFolders.isRunID(other), "\(other)")
        }
    }

    @Test func latestIsReplacedNotRemoved() throws {
        let root = try makeRoot(complete: ["20261120T020000Z", "20261121T020000Z"])
        try RunFolders.pointLatest(in: root, at: "20261120T020000Z")
        #expect(RunFolders.latest(in: root) == "20261120T020000Z")
        try RunFolders.pointLatest(in: root, at: "20261121T020000Z")
        #expect(RunFolders.latest(in: root) == "20261121T020000Z")
        #expect(FileManager.default.fileExists(atPath: root + "/latest/run.json"))
        let hidden = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "temporary links left: \(hidden)")
    }

    @Test func pruneKeepsTheNewestCompletedRunsAndNothingElseGoes() throws {
        let complete = ["20261118T020000Z", "20261119T020000Z", "20261120T020000Z", "20261121T020000Z-shard1-of-2",
                        "20261122T020000Z"]
        let root = try makeRoot(complete: complete, incomplete: ["20261101T020000Z", "20261123T020000Z"])
        try FileManager.default.createDirectory(atPath: root + "/notes", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/cron.log", atomically: true, encoding: .utf8)
        // A link that looks like a run must never be followed into what it points at.
        try FileManager.default.createSymbolicLink(atPath: root + "/20261001T000000Z", withDestinationPath: root + "/notes")
        try RunFolders.pointLatest(in: root, at: "20261119T020000Z")

        let removed = try RunFolders.prune(in: root, keep: 1, protected: "20261122T020000Z")
        #expect(removed == ["20261118T020000Z", "20261120T020000Z"], "a shard run is not a whole run: it is not counted")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: root))
        #expect(left == ["20261119T020000Z", "20261121T020000Z-shard1-of-2", "20261122T020000Z", "20261101T020000Z",
                         "20261123T020000Z", "notes", "cron.log", "20261001T000000Z", "latest"])
    }

    @Test func theProtectedRunSurvivesEvenWhenOlder() throws {
        let root = try makeRoot(complete: ["20261118T020000Z", "20261119T020000Z", "20261120T020000Z"])
        let removed = try RunFolders.prune(in: root, keep: 1, protected: "20261118T020000Z")
        #expect(removed == ["20261119T020000Z"])
    }

    @Test func shardsSharingARootPruneOnlyTheirOwnSlot() throws {
        let root = try makeRoot(complete: ["20261120T020000Z-shard1-of-2", "20261120T020001Z-shard2-of-2",
                                           "20261121T020000Z-shard1-of-2", "20261121T020003Z-shard2-of-2"])
        let removed = try RunFolders.prune(in: root, keep: 1, protected: "20261121T020000Z-shard1-of-2")
        #expect(removed == ["20261120T020000Z-shard1-of-2"])
    }
}
