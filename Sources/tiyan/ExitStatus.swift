/// The exit statuses each subcommand's help states, in one place so that they agree with
/// README.md and SPEC.md.
enum ExitStatus {
    static let interrupted = """
        130 interrupted by SIGINT (Ctrl-C), 143 by SIGTERM: the run folder is left incomplete (no run.json).
        """

    static let common = """
        Exit status: 0 done; 1 could not be done (bad configuration, unreadable input, unwritable output, \
        another run holding the lock); 2 usage errors; \(interrupted)
        """

    static let run = """
        Exit status: 0 the run completed (unreachable or failing sites are results, not errors); \
        1 the run could not be done (bad configuration, unwritable --out, another run holding the lock); \
        2 usage errors (a bad option, an --only id that targets.yaml does not have); \(interrupted)
        """

    /// `run` for the commands that take `--assert`.
    static let runWithAssertions = run + " 5 the run completed but an assertion of --assert does not hold."

    static let check = """
        Exit status: 0 every input was judged; 1 an input could not be had (a URL that answered 4xx/5xx or \
        did not answer, a file that cannot be read; the others are still judged), or bad configuration; \
        2 usage errors (a missing file, a directory, a bad option); 130 / 143 interrupted by SIGINT / SIGTERM.
        """

    static let readRuns = """
        Exit status: 0 printed; 1 a run folder cannot be read or is incomplete (no run.json); 2 usage errors.
        """

    static let validate = """
        Exit status: 0 the configuration is valid; 1 problems were found (each printed with file, line and \
        field); 2 usage errors.
        """
}
