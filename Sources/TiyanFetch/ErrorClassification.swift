import CCurl
import TiyanCore

/// How a transfer that did not deliver a response ends up in the closed list of error classes.
/// This is the one place that maps curl codes:
///
/// | curl                                                            | class                | retried |
/// |-----------------------------------------------------------------|----------------------|---------|
/// | COULDNT_RESOLVE_HOST                                            | dns                  | no      |
/// | COULDNT_CONNECT, SEND/RECV_ERROR, GOT_NOTHING, PARTIAL_FILE,    | connect              | yes     |
/// |   HTTP2(_STREAM), HTTP3, QUIC, PROXY, COULDNT_RESOLVE_PROXY,    |                      |         |
/// |   WEIRD_SERVER_REPLY, BAD_CONTENT_ENCODING, READ_ERROR, other   |                      |         |
/// | URL_MALFORMAT, UNSUPPORTED_PROTOCOL, bad option, out of memory, | connect              | no      |
/// |   WRITE_ERROR not caused by the cap (local, retrying won't help)|                      |         |
/// | OPERATION_TIMEDOUT (total, connect and low-speed limits)        | timeout              | yes     |
/// | ABORTED_BY_CALLBACK (the Swift task was cancelled)              | timeout              | no      |
/// | WRITE_ERROR after the body cap, FILESIZE_EXCEEDED               | too_large            | no      |
/// | TOO_MANY_REDIRECTS (redirects are followed by tiyan, not curl)  | too_many_redirects   | no      |
/// | PEER_FAILED_VERIFICATION, SSL_CACERT_BADFILE, SSL_ISSUER_ERROR, | tls_certificate      | no      |
/// |   SSL_CRL_BADFILE, SSL_INVALIDCERTSTATUS, SSL_PINNEDPUBKEY...   |                      |         |
/// | SSL_CONNECT_ERROR (handshake, https to a plain-http port),      | tls_handshake        | no      |
/// |   SSL_CIPHER, SSL_CERTPROBLEM, SSL_ENGINE_*, USE_SSL_FAILED,    |                      |         |
/// |   SSL_SHUTDOWN_FAILED, SSL_CLIENTCERT                           |                      |         |
///
/// A URL tiyan cannot fetch at all (not parseable, not http/https) is `connect` and not retried:
/// nothing could be connected to, and `dns` would wrongly blame the site's name servers.
/// Responses with a status are classified by `httpClass(status:)` instead.
struct TransferFailure: Sendable, Hashable {
    var errorClass: FetchErrorClass
    /// Whether another attempt might succeed; `FetchErrorClass.isTransient` must also hold.
    var retryable: Bool

    static func classify(_ code: CURLcode, exceededCap: Bool) -> TransferFailure? {
        switch code {
        case CURLE_OK:
            return nil
        case CURLE_COULDNT_RESOLVE_HOST:
            return TransferFailure(errorClass: .dns, retryable: false)
        case CURLE_OPERATION_TIMEDOUT:
            return TransferFailure(errorClass: .timeout, retryable: true)
        case CURLE_ABORTED_BY_CALLBACK:
            return TransferFailure(errorClass: .timeout, retryable: false)
        case CURLE_WRITE_ERROR where exceededCap, CURLE_FILESIZE_EXCEEDED:
            return TransferFailure(errorClass: .tooLarge, retryable: false)
        case CURLE_TOO_MANY_REDIRECTS:
            return TransferFailure(errorClass: .tooManyRedirects, retryable: false)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return TransferFailure(errorClass: .tlsCertificate, retryable: false)
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CIPHER, CURLE_SSL_CERTPROBLEM, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_CLIENTCERT:
            return TransferFailure(errorClass: .tlsHandshake, retryable: false)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_NOT_BUILT_IN, CURLE_BAD_FUNCTION_ARGUMENT,
             CURLE_UNKNOWN_OPTION, CURLE_OUT_OF_MEMORY, CURLE_FAILED_INIT, CURLE_WRITE_ERROR:
            return TransferFailure(errorClass: .connect, retryable: false)
        default:
            return TransferFailure(errorClass: .connect, retryable: true)
        }
    }

    /// A response is an error when its final status is 4xx or 5xx; the body is kept either way.
    static func httpClass(status: Int) -> FetchErrorClass? {
        switch status {
        case 400..<500: return .http4xx
        case 500...: return .http5xx
        default: return nil
        }
    }
}
