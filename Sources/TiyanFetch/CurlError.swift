/// A libcurl call that failed before or around a transfer (a refused option, a handle that could
/// not be made). Transfer outcomes are not errors: they become `FetchErrorClass` values.
struct CurlError: Error, CustomStringConvertible {
    var operation: String
    var code: UInt32
    var message: String

    var description: String { "\(operation) failed (\(code)): \(message)" }
}
