import Foundation
import Testing
import TiyanCore

/// "cannot read" messages carry the system's reason, never a bare "cannot read".
@Suite struct FileAccessTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tiyan-access-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func namesTheReasonAPathCannotBeRead() throws {
        let directory = try folder()
        let file = directory + "/file.yaml"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(FileAccess.problem(reading: directory + "/missing", as: .file) == "No such file or directory")
        #expect(FileAccess.problem(reading: directory, as: .file) == "is a directory")
        #expect(FileAccess.problem(reading: file, as: .directory) == "not a directory")
        #expect(FileAccess.problem(reading: file + "/below", as: .file) == "Not a directory")
        #expect(FileAccess.cannotRead(directory + "/missing", as: .directory)
            == "cannot read directory: No such file or directory")
    }
}
