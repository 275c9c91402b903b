import Foundation

/// Runs the built `tiyan` executable, as cron would.
struct TiyanProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var lastLine: String { stdout.split(separator: "\n").last.map(String.init) ?? "" }
    }

    /// The binary next to the test bundle (SwiftPM builds executables alongside tests), or
    /// TIYAN_BINARY.
    static var binary: String? {
        if let explicit = ProcessInfo.processInfo.environment["TIYAN_BINARY"] { return explicit }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("tiyan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:])
        async throws -> Outcome
    {
        guard let binary else { throw TestFailure("tiyan executable not found beside the tests; set TIYAN_BINARY") }
        return try await runProgram(binary, arguments, in: directory, environment: environment)
    }

    /// Async because the tests share Swift's cooperative
    /// pool (two threads on a 2-core machine): a test blocked in waitUntilExit for a crawl's tens
    /// of seconds stalled every other test's timers and continuations, and timing bounds elsewhere
    /// failed for want of a thread, not because of what they measure.
    static func runProgram(_ program: String, _ arguments: [String], in directory: String? = nil,
                           environment: [String: String] = [:]) async throws -> Outcome
    {
        let (process, out, err) = try launch(program, arguments, in: directory, environment: environment)
        // Read both pipes while the process runs so a chatty child never blocks on a full pipe.
        async let outData = out.fileHandleForReading.readToEndOffThePool()
        async let errData = err.fileHandleForReading.readToEndOffThePool()
        let (stdout, stderr) = await (outData, errData)
        await process.exited()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// For test conditions (`.enabled(if:)`), which cannot await; only for commands that end at
    /// once, such as `python3 -c 'import yaml'`.
    static func runProgramBlocking(_ program: String, _ arguments: [String]) throws -> Int32 {
        let (process, _, _) = try launch(program, arguments, in: nil, environment: [:], discardOutput: true)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// `environment` is added to the test's own.
    private static func launch(_ program: String, _ arguments: [String], in directory: String?,
                               environment: [String: String], discardOutput: Bool = false) throws
        -> (Process, Pipe, Pipe)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        if discardOutput {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        } else {
            process.standardOutput = out
            process.standardError = err
        }
        try process.run()
        return (process, out, err)
    }
}

extension FileHandle {
    /// Everything up to end of file, read on a Dispatch thread so no cooperative thread blocks.
    func readToEndOffThePool() async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.readDataToEndOfFile()) }
        }
    }
}

extension Process {
    /// Waits for the child to end without blocking a cooperative thread (see runProgram).
    func exited() async {
        while isRunning { try? await Task.sleep(for: .milliseconds(10)) }
    }
}

/// A fresh folder under the temporary directory.
func temporaryFolder(_ prefix: String) throws -> String {
    let path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
