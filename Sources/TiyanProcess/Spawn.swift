import Glibc

/// posix_spawn with the file actions PipedProcess needs; the only code that builds C argument
/// arrays.
enum Spawn {
    static func run(executable: String, arguments: [String], environment: [String: String],
                    commandFD: Int32, replyFD: Int32, standardError: String?) throws -> Int32
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        // dup2 onto fds 3 and 4 clears close-on-exec on the copies while our originals keep it,
        // so the child inherits exactly these two besides the standard three. A dup2 onto its
        // own number would keep close-on-exec, so a pipe end that is already 3 or 4 moves first.
        let command = try highDescriptor(commandFD)
        defer { if command != commandFD { close(command) } }
        let reply = try highDescriptor(replyFD)
        defer { if reply != replyFD { close(reply) } }

        var status = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if status == 0 { status = posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        if status == 0 {
            status = posix_spawn_file_actions_addopen(&actions, 2, standardError ?? "/dev/null",
                                                      O_WRONLY | O_CREAT | O_APPEND, 0o644)
        }
        if status == 0 { status = posix_spawn_file_actions_adddup2(&actions, command, 3) }
        if status == 0 { status = posix_spawn_file_actions_adddup2(&actions, reply, 4) }
        guard status == 0 else { throw ProcessError.spawn(executable: executable, errno: status) }

        // Own process group, so terminate() can kill the browser's helpers with it; default
        // signal handling and an empty mask, since ignored signals survive exec.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGINT)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" })
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
        guard result == 0 else { throw ProcessError.spawn(executable: executable, errno: result) }
        return pid
    }

    /// A close-on-exec duplicate numbered 10 or above when `fd` could collide with 3 or 4.
    private static func highDescriptor(_ fd: Int32) throws -> Int32 {
        guard fd <= 4 else { return fd }
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
        guard moved >= 0 else { throw ProcessError.pipe(errno: errno) }
        return moved
    }
}

/// A NULL-terminated array of C strings that lives as long as the value.
private final class CStringArray {
    var pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
