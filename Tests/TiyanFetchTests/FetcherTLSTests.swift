import Foundation
import Testing
import TiyanCore
import TiyanFetch
import TiyanTestSupport

/// Needs python3 and openssl for a real HTTPS server with a self-signed certificate.
@Suite(.enabled(if: TLSFixture.isAvailable, "python3 and openssl are needed for the TLS fixture"))
struct FetcherTLSTests {
    @Test func selfSignedCertificateIsAFindingButContentIsFetched() async throws {
        let fixture = try await TLSFixture.start()
        defer { fixture.stop() }
        let response = await Fetcher(options: loopbackOptions(fixture.port))
            .fetch(FetchRequest(url: "https://www.fixture.gov.cn/"))
        #expect(response.tlsVerified == false)
        #expect(response.fetchedWithoutVerification)
        #expect(response.error == nil)
        #expect(response.status == 200)
        #expect(response.text.contains("加密页面"))
        #expect(response.errorDetail?.localizedCaseInsensitiveContains("certificate") == true)
        #expect(response.attempts == 1)
    }

    @Test func trustedCertificateVerifies() async throws {
        let fixture = try await TLSFixture.start()
        defer { fixture.stop() }
        var options = loopbackOptions(fixture.port)
        options.caCertificatePath = fixture.certificatePath
        let response = await Fetcher(options: options).fetch(FetchRequest(url: "https://www.fixture.gov.cn/"))
        #expect(response.error == nil, "\(response.errorDetail ?? "")")
        #expect(response.tlsVerified == true)
        #expect(!response.fetchedWithoutVerification)
        #expect(response.text.contains("加密页面"))
    }

    @Test func certificateForAnotherNameFailsVerification() async throws {
        let fixture = try await TLSFixture.start(hostNames: ["other.example"])
        defer { fixture.stop() }
        var options = loopbackOptions(fixture.port)
        options.caCertificatePath = fixture.certificatePath
        let response = await Fetcher(options: options).fetch(FetchRequest(url: "https://www.fixture.gov.cn/"))
        #expect(response.tlsVerified == false)
        #expect(response.fetchedWithoutVerification)
        #expect(response.status == 200)
    }

    @Test func httpsToAPlainHTTPPortIsAHandshakeFailure() async throws {
        try await withServer({ _ in .html("plain") }) { server in
            let response = await Fetcher(options: loopbackOptions(server.port))
                .fetch(FetchRequest(url: "https://www.fixture.gov.cn/"))
            #expect(response.error == .tlsHandshake)
            #expect(response.tlsVerified == nil)
            #expect(!response.fetchedWithoutVerification)
            #expect(response.attempts == 1)
        }
    }
}
