package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.dns.DnsMailDomainChecker;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** The parsed {@code --dns off|system|HOST[:PORT]} option. */
record DnsSetting(Mode mode, String host, int port) {

    /** Where DNS queries go. */
    enum Mode { OFF, SYSTEM, SERVER }

    /** Lets picocli reject a bad value as a usage error (exit status 2). */
    static final class Converter implements CommandLine.ITypeConverter<DnsSetting> {
        @Override
        public DnsSetting convert(String value) {
            return parse(value);
        }
    }

    static DnsSetting parse(String value) {
        if (value == null || value.isBlank()) {
            throw new TypeConversionException("--dns needs off, system or HOST[:PORT]");
        }
        String v = value.trim();
        if (v.equalsIgnoreCase("off")) {
            return new DnsSetting(Mode.OFF, null, 0);
        }
        if (v.equalsIgnoreCase("system")) {
            return new DnsSetting(Mode.SYSTEM, null, 0);
        }
        String host = v;
        int port = 53;
        int colon = v.lastIndexOf(':');
        boolean bracketedIpv6 = v.startsWith("[");
        if (bracketedIpv6) {
            int close = v.indexOf(']');
            if (close < 0) {
                throw new TypeConversionException("--dns: unclosed [ in '" + value + "'");
            }
            host = v.substring(1, close);
            if (close + 1 < v.length()) {
                if (v.charAt(close + 1) != ':') {
                    throw new TypeConversionException("--dns: expected [IPv6]:PORT, got '" + value + "'");
                }
                port = port(v.substring(close + 2), value);
            }
        } else if (colon >= 0 && v.indexOf(':') == colon) {
            host = v.substring(0, colon);
            port = port(v.substring(colon + 1), value);
        }
        if (host.isEmpty()) {
            throw new TypeConversionException("--dns: no host in '" + value + "'");
        }
        try {
            DnsMailDomainChecker.builder().server(host, port); // validates the IP literal; makes no query
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("--dns: HOST must be an IP address such as 127.0.0.1, got '"
                    + host + "'");
        }
        return new DnsSetting(Mode.SERVER, host, port);
    }

    private static int port(String text, String value) {
        try {
            int p = Integer.parseInt(text);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("--dns: the port must be 1-65535 in '" + value + "'");
        }
    }

    /**
     * Adds the mail-domain checker this setting asks for; the validator closes it.
     *
     * @param canaries domains whose MX must exist, to test a resolver that denies names without proof; empty for
     *     the checker's defaults
     * @param querySlots the DNS questions in flight at once, or 0 for the checker's default
     */
    void configure(CustomerEmailValidator.Builder builder, List<String> canaries, int querySlots) {
        DnsMailDomainChecker.Builder dns = DnsMailDomainChecker.builder();
        switch (mode) {
            case OFF -> {
                return;
            }
            case SYSTEM -> { }
            case SERVER -> dns.server(host, port);
        }
        if (!canaries.isEmpty()) {
            dns.canaryDomains(canaries);
        }
        if (querySlots > 0) {
            dns.maxConcurrentLookups(querySlots);
        }
        builder.mailDomainChecker(dns.build());
    }
}
