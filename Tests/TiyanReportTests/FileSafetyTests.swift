import Foundation
import Testing
import TiyanReport

@Suite struct FileSafetyTests {
    private func scratchDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "tiyan-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func atomicWriteReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/results.jsonl"
        try AtomicFile.write("old\n", to: path)
        try AtomicFile.write("新的\n", to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("新的\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["results.jsonl"])
    }

    @Test func atomicWriteIntoAMissingDirectoryThrowsAndWritesNothing() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: FileOperationError.self) {
            try AtomicFile.write("x", to: directory + "/missing/run.json")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func aSecondLockThrowsNamingTheHolder() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/.tiyan.lock"
        let first = try RunLock(path: path)
        // flock locks belong to the open file, so a second open in the same process conflicts
        // exactly as a second cron run would.
        do {
            _ = try RunLock(path: path)
            Issue.record("second lock was granted")
        } catch let error as RunLockError {
            guard case let .held(heldPath, pid) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(heldPath == path)
            #expect(pid == ProcessInfo.processInfo.processIdentifier)
            #expect(error.description.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
        }
        first.release()
        let again = try RunLock(path: path)
        again.release()
    }

    @Test func aLockIsReleasedWhenItsOwnerGoesAway() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do { _ = try RunLock(directory: directory) }
        let next = try RunLock(directory: directory)
        #expect(next.path == directory + "/.lock")
        next.release()
        next.release()
    }
}
