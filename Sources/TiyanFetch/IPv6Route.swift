#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the kernel has a route and a source address for global IPv6. Connecting a UDP socket
/// only asks the routing table; nothing is sent.
enum IPv6Route {
    /// Google's public resolver: a stable global address, used only as a routing question.
    static let probeAddress = "2001:4860:4860::8888"

    static func isAvailable() -> Bool {
        #if canImport(Darwin)
        let datagram = SOCK_DGRAM
        #else
        let datagram = Int32(SOCK_DGRAM.rawValue)
        #endif
        let socketDescriptor = socket(AF_INET6, datagram, 0)
        guard socketDescriptor >= 0 else { return false }
        defer { close(socketDescriptor) }

        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = in_port_t(53).bigEndian
        guard inet_pton(AF_INET6, probeAddress, &address.sin6_addr) == 1 else { return false }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
            }
        }
        return connected == 0
    }
}
