import Foundation
import Testing
import TiyanReport

/// --out problems in words, not NSCocoaErrorDomain codes.
@Suite struct OutputFolderTests {
    @Test func createsMissingParentsAndSaysWhatIsInTheWay() throws {
        let root = NSTemporaryDirectory() + "tiyan-out-\(UUID().uuidString)"
        try OutputFolder.create(root + "/a/b/reports")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: root + "/a/b/reports", isDirectory: &isDirectory) && isDirectory.boolValue)
        try OutputFolder.create(root + "/a/b/reports")

        try "x".write(toFile: root + "/file", atomically: true, encoding: .utf8)
        #expect(throws: OutputFolder.Failure.self) { try OutputFolder.create(root + "/file") }
        do {
            try OutputFolder.create(root + "/file/reports")
        } catch let failure as OutputFolder.Failure {
            #expect(failure.description == "\(root)/file is a file, not a folder")
        }
        do {
            try OutputFolder.create("/proc/tiyan-reports")
            Issue.record("/proc accepted a folder")
        } catch let failure as OutputFolder.Failure {
            #expect(failure.description.hasPrefix("cannot create folder /proc/tiyan-reports: "))
        }
    }
}
