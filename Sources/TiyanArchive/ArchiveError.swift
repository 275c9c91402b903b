/// Why an archive could not be written or read. Offsets are byte offsets in the compressed file,
/// so a `malformed` error points at the gzip member to inspect.
public enum ArchiveError: Error, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    case writeFailed(reason: String)
    case malformed(offset: Int64, reason: String)
}
