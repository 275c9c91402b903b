import ArgumentParser
import Foundation
import TiyanConfig
import TiyanCore
import TiyanReport

/// `tiyan probes export DIR`: the default probes as a folder to edit and pass back with --probes.
struct ProbesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probes",
        abstract: "Show or export the default probes directory.",
        discussion: "Exit status: 0 done; 1 no default probes directory, or DIR cannot be written; 2 usage errors.",
        subcommands: [Path.self, Export.self])

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the probes directory commands use without --probes.",
            discussion: "Exit status: 0 printed; 1 no probes directory was found.")

        func run() throws {
            do {
                print(try DefaultData.probes(nil))
            } catch let failure as RunFailure {
                Progress.error("tiyan: \(failure.description)")
                throw ExitCode(1)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the default probes directory to DIR, for editing and use with --probes DIR.",
            discussion: "Exit status: 0 written; 1 DIR exists and is not empty, or cannot be written; 2 usage errors.")

        @Argument(help: "A folder that does not exist yet (or is empty).")
        var directory: String

        func run() throws {
            do {
                let source = try DefaultData.probes(nil)
                try ProbesExport.copy(from: source, to: directory)
                print(directory)
            } catch let failure as RunFailure {
                Progress.error("tiyan: \(failure.description)")
                throw ExitCode(1)
            }
        }
    }
}

enum ProbesExport {
    /// Copies the regular files of `source` (not hidden ones: editor swap files are no part of
    /// the set) into `destination`, which must not exist or be empty: an export never
    /// overwrites probes someone has edited.
    static func copy(from source: String, to destination: String) throws {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: destination), !existing.isEmpty {
            throw RunFailure("\(destination) is not empty; export into a new folder")
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: destination, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw RunFailure("\(destination) is a file, not a folder")
        }
        try OutputFolder.create(destination)
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: source).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw RunFailure("\(source): \(FileAccess.cannotRead(source, as: .directory))")
        }
        for name in names {
            guard let data = manager.contents(atPath: source + "/" + name) else {
                throw RunFailure("\(source)/\(name): \(FileAccess.cannotRead(source + "/" + name, as: .file))")
            }
            guard manager.createFile(atPath: destination + "/" + name, contents: data) else {
                throw RunFailure("cannot write \(destination)/\(name): \(OutputFolder.problem(writingIn: destination))")
            }
        }
    }
}
