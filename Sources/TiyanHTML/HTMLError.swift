public enum HTMLError: Error, Sendable, Equatable {
    case invalidXPath(String)
}
