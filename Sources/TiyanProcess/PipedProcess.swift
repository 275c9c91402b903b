public import Foundation
import Glibc

/// A child process that talks over two extra pipes: it reads commands on its fd 3 and writes
/// replies on its fd 4 (Chromium's `--remote-debugging-pipe` convention). Its stdin and stdout
/// are /dev/null; stderr goes to a file or /dev/null.
///
/// The bytes the child writes arrive on `output`, read by a dedicated thread so a blocking
/// `read` never holds one of the few cooperative threads. The stream finishes when the child
/// closes fd 4 (it exited or crashed).
public final class PipedProcess: Sendable {
    public let processID: Int32
    /// Chunks written by the child on its fd 4, in order; finishes at end of file.
    public let output: AsyncStream<Data>

    private let commands: Int32
    private let state = Locked(State())

    private struct State {
        var reaped = false
        var exitStatus: Int32?
        var commandsOpen = true
    }

    /// Starts `executable` (a path; no PATH search) with `arguments` (not including argv[0])
    /// and exactly `environment`.
    public init(executable: String, arguments: [String], environment: [String: String], standardError: String? = nil)
        throws
    {
        PipedProcess.ignoreBrokenPipes
        let toChild = try PipedProcess.makePipe()
        let fromChild: (read: Int32, write: Int32)
        do { fromChild = try PipedProcess.makePipe() } catch {
            close(toChild.read); close(toChild.write)
            throw error
        }
        let pid: Int32
        do {
            pid = try Spawn.run(executable: executable, arguments: arguments, environment: environment,
                                commandFD: toChild.read, replyFD: fromChild.write, standardError: standardError)
        } catch {
            for fd in [toChild.read, toChild.write, fromChild.read, fromChild.write] { close(fd) }
            throw error
        }
        // The child holds its own copies; ours must go so end of file reaches each side.
        close(toChild.read)
        close(fromChild.write)
        processID = pid
        commands = toChild.write
        output = PipedProcess.startReading(fromChild.read)
    }

    deinit {
        terminate(grace: .zero)
        closeCommands()
    }

    /// Writes all of `data` to the child's fd 3, blocking until the pipe takes it.
    public func write(_ data: Data) throws {
        let open = state.withLock { $0.commandsOpen }
        guard open else { throw ProcessError.notRunning }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Glibc.write(commands, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    // EPIPE: the child closed its end (it exited); SIGPIPE is ignored so this is a value.
                    throw ProcessError.write(errno: errno)
                }
                pointer += written
                remaining -= written
            }
        }
    }

    /// True until the child has been reaped.
    public var isRunning: Bool {
        if state.withLock({ $0.reaped }) { return false }
        return !reapIfExited()
    }

    /// SIGTERM, then SIGKILL to the child's process group after `grace`; always reaps the child
    /// so no zombie is left. Safe to call more than once and after the child exited by itself.
    public func terminate(grace: Duration = .seconds(3)) {
        if state.withLock({ $0.reaped }) { return }
        kill(processID, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline {
            if reapIfExited() { break }
            usleep(20_000)
        }
        // The group holds the child's own children (Chromium's renderers and zygotes).
        kill(-processID, SIGKILL)
        kill(processID, SIGKILL)
        reapBlocking()
        closeCommands()
    }

    /// Resident memory of the child and every process descended from it, in bytes.
    public func residentMemoryBytes() -> Int {
        if state.withLock({ $0.reaped }) { return 0 }
        return ProcessMemory.residentBytes(ofTreeRootedAt: processID)
    }

    /// The wait status once reaped (`WEXITSTATUS`-style decoding is the caller's).
    public var exitStatus: Int32? { state.withLock { $0.exitStatus } }

    /// Closes the child's fd 3, so it reads end of file; later writes throw `.notRunning`.
    public func closeInput() { closeCommands() }

    private func closeCommands() {
        let wasOpen = state.withLock { state -> Bool in
            defer { state.commandsOpen = false }
            return state.commandsOpen
        }
        if wasOpen { close(commands) }
    }

    /// Non-blocking reap; true when the child is gone.
    @discardableResult
    private func reapIfExited() -> Bool {
        state.withLock { state in
            if state.reaped { return true }
            var status: Int32 = 0
            let result = waitpid(processID, &status, WNOHANG)
            if result == processID || (result < 0 && errno == ECHILD) {
                state.reaped = true
                state.exitStatus = status
                return true
            }
            return false
        }
    }

    private func reapBlocking() {
        state.withLock { state in
            guard !state.reaped else { return }
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
            state.reaped = true
            state.exitStatus = status
        }
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ProcessError.pipe(errno: errno) }
        // pipe2(O_CLOEXEC) would be atomic, but Glibc's module does not export it (it needs
        // _GNU_SOURCE); a process spawned by another thread in between may inherit a copy.
        for fd in fds where fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 {
            let code = errno
            close(fds[0]); close(fds[1])
            throw ProcessError.pipe(errno: code)
        }
        return (fds[0], fds[1])
    }

    /// Writing to a pipe whose reader died raises SIGPIPE, which kills the whole process by
    /// default; ignored, the write fails with EPIPE and becomes a thrown error. The child gets
    /// the default back (Spawn resets it).
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    private static func startReading(_ fd: Int32) -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream<Data>.makeStream()
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                continuation.yield(Data(buffer[0..<count]))
            }
            close(fd)
            continuation.finish()
        }
        thread.name = "PipedProcess reader"
        thread.start()
        return stream
    }
}
