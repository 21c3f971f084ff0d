package io.github.customeremail.spring;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code customer-email.dns.servers}: IP literals with an optional port, no name lookups. */
final class DnsServers {

    static final String PROPERTY = "customer-email.dns.servers";
    private static final int DNS_PORT = 53;

    private DnsServers() {
    }

    /**
     * @param values {@code 192.0.2.1}, {@code 192.0.2.1:5353}, {@code 2001:db8::1}, {@code [2001:db8::1]:5353}
     * @return the socket addresses, in order
     * @throws InvalidCustomerEmailPropertyException naming the property for a value that is not IP[:port]
     */
    static List<InetSocketAddress> parse(List<String> values) {
        List<InetSocketAddress> servers = new ArrayList<>(values.size());
        for (String raw : values) {
            servers.add(parse(raw == null ? "" : raw.trim()));
        }
        return servers;
    }

    private static InetSocketAddress parse(String value) {
        String host = value;
        int port = DNS_PORT;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw invalid(value, "missing ']' after the IPv6 address");
            }
            host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw invalid(value, "expected ':port' after ']'");
                }
                port = port(value, rest.substring(1));
            }
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = port(value, value.substring(value.indexOf(':') + 1));
        }
        if (host.isEmpty()) {
            throw invalid(value, "an IP address is required (no name lookup is made to find the DNS server)");
        }
        try {
            InetAddress address = org.xbill.DNS.Address.getByAddress(host);
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw invalid(value, "not an IP address (no name lookup is made to find the DNS server): " + host);
        }
    }

    private static int port(String value, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(value, "the port must be a number from 1 to 65535: " + port);
    }

    private static InvalidCustomerEmailPropertyException invalid(String value, String reason) {
        return new InvalidCustomerEmailPropertyException(PROPERTY, value, reason, null);
    }
}
