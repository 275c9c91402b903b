import Foundation
import Testing
import TiyanProcess

@Suite("PipedProcess")
struct ProcessTests {
    @Test func childReadsFD3AndWritesFD4() async throws {
        let child = try PipedProcess(executable: "/bin/sh", arguments: ["-c", "tr a-z A-Z <&3 >&4"], environment: [:])
        try child.write(Data("hello pipe".utf8))
        child.closeInput()
        var received = Data()
        for await chunk in child.output { received.append(chunk) }
        #expect(String(decoding: received, as: UTF8.self) == "HELLO PIPE")
        child.terminate()
        #expect(!child.isRunning)
    }

    @Test func missingExecutableIsAnError() {
        #expect(throws: ProcessError.self) {
            try PipedProcess(executable: "/nonexistent/chromium", arguments: [], environment: [:])
        }
    }

    @Test func terminateKillsAndReapsAStubbornChild() throws {
        // The shell ignores SIGTERM, so only the SIGKILL after the grace ends it.
        let child = try PipedProcess(executable: "/bin/sh", arguments: ["-c", "trap '' TERM; while :; do sleep 1; done"],
                                     environment: [:])
        #expect(child.isRunning)
        #expect(child.residentMemoryBytes() > 0)
        // The child ignores SIGTERM forever: not running once terminate returns means SIGKILL came.
        child.terminate(grace: .milliseconds(300))
        #expect(!child.isRunning)
        // Reaped: no zombie under our pid.
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(child.processID)"))
    }

    @Test func writingToAnExitedChildThrows() async throws {
        let child = try PipedProcess(executable: "/bin/sh", arguments: ["-c", "exit 0"], environment: [:])
        for await _ in child.output {}
        // The child is gone, its fd 3 closed: the write fails as a value (EPIPE), not SIGPIPE.
        var failed = false
        for _ in 0..<50 {
            do { try child.write(Data(repeating: 65, count: 1 << 16)) } catch { failed = true; break }
        }
        #expect(failed)
        child.terminate()
    }
}
