package io.cedarwood.enforcement;

import io.cedarwood.engine.value.IpAddrValue;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The client's address as a Cedar {@code ipaddr}, from what servlet containers report. */
public final class ClientIp {
    private ClientIp() {
    }

    /**
     * The remote address as an {@code ipaddr}. Containers give a literal address, IPv6 possibly in brackets,
     * with a zone ({@code fe80::1%eth0}) or in an IPv4-mapped form ({@code ::ffff:10.0.0.1}), which Cedar
     * does not accept as such: brackets and zone are dropped, a mapped address becomes IPv4.
     *
     * @throws IllegalArgumentException when it is not an IP address (no name is ever looked up)
     */
    public static IpAddrValue of(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.isEmpty()) {
            throw new IllegalArgumentException("no remote address");
        }
        String address = remoteAddr;
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.indexOf(':') >= 0 && address.indexOf('.') >= 0) {
            for (int i = 0; i < address.length(); i++) {
                char c = address.charAt(i);
                if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                    throw new IllegalArgumentException("not an IP address: `" + remoteAddr + "`");
                }
            }
            try {
                // a literal of hex digits, colons and dots, so no name lookup; a mapped IPv4 address comes back as IPv4
                address = InetAddress.getByName(address).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: `" + remoteAddr + "`", e);
            }
        }
        try {
            return IpAddrValue.parse(address);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an IP address: `" + remoteAddr + "`", e);
        }
    }
}
