package io.github.customeremail.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A strictly parsed SPF record (RFC 7208 section 12 grammar): the terms in order. Nothing is evaluated against a
 * sender IP; {@link SpfAnalysis} walks the terms to count DNS lookups statically.
 *
 * @param terms the directives and modifiers, in order
 */
record SpfRecord(List<Term> terms) {

    private static final Pattern MODIFIER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern MACRO =
            Pattern.compile("%(?:%|_|-|\\{[slodiphcrtvSLODIPHCRTV][0-9]*[rR]?[.\\-+,/_=]*})");

    /** A directive or a modifier. */
    sealed interface Term {
    }

    /**
     * A directive: qualifier and mechanism.
     *
     * @param qualifier {@code + - ~ ?}
     * @param kind {@code all include a mx ptr ip4 ip6 exists}, lower case
     * @param domain the domain-spec, or {@code null} when absent (a, mx, ptr default to the current domain)
     * @param macro whether the domain-spec holds a macro (cannot be followed without a sender)
     */
    record Mechanism(char qualifier, String kind, String domain, boolean macro) implements Term {
        /** @return whether this mechanism makes a DNS query (counts toward the limit of 10) */
        boolean queriesDns() {
            return switch (kind) {
                case "include", "a", "mx", "ptr", "exists" -> true;
                default -> false;
            };
        }
    }

    /**
     * A modifier.
     *
     * @param name lower case
     * @param value the value as written
     * @param macro whether the value holds a macro
     */
    record Modifier(String name, String value, boolean macro) implements Term {
    }

    /**
     * The outcome of parsing.
     *
     * @param record the record, or {@code null} on error
     * @param badTerm the first term that does not parse
     */
    record Parsed(SpfRecord record, String badTerm) {
    }

    /** @return whether this TXT string is an SPF record ({@code v=spf1} alone or followed by a space) */
    static boolean isSpf(String txt) {
        return txt.regionMatches(true, 0, "v=spf1", 0, 6) && (txt.length() == 6 || txt.charAt(6) == ' ');
    }

    /**
     * Parses a record that {@link #isSpf} accepted.
     *
     * @param txt the TXT record's strings joined
     * @return the record or the first bad term
     */
    static Parsed parse(String txt) {
        List<Term> terms = new ArrayList<>();
        boolean redirect = false;
        boolean exp = false;
        String[] parts = txt.substring(6).split(" ");
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            Term t = term(part);
            if (t == null) {
                return new Parsed(null, part);
            }
            if (t instanceof Modifier m && m.name().equals("redirect")) {
                if (redirect) {
                    return new Parsed(null, part); // RFC 7208 6: at most one redirect
                }
                redirect = true;
            }
            if (t instanceof Modifier m && m.name().equals("exp")) {
                if (exp) {
                    return new Parsed(null, part);
                }
                exp = true;
            }
            terms.add(t);
        }
        return new Parsed(new SpfRecord(List.copyOf(terms)), null);
    }

    private static Term term(String part) {
        int eq = part.indexOf('=');
        int colon = part.indexOf(':');
        int slash = part.indexOf('/');
        if (eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash)) {
            String name = part.substring(0, eq);
            if (!MODIFIER_NAME.matcher(name).matches()) {
                return null;
            }
            String value = part.substring(eq + 1);
            String lower = name.toLowerCase(Locale.ROOT);
            boolean macro = value.indexOf('%') >= 0;
            if ((lower.equals("redirect") || lower.equals("exp")) && !domainSpec(value)) {
                return null;
            }
            if (!macroString(value)) {
                return null;
            }
            return new Modifier(lower, value, macro);
        }
        char qualifier = '+';
        String rest = part;
        if ("+-~?".indexOf(part.charAt(0)) >= 0) {
            qualifier = part.charAt(0);
            rest = part.substring(1);
        }
        int end = 0;
        while (end < rest.length() && Character.isLetterOrDigit(rest.charAt(end))) {
            end++;
        }
        String kind = rest.substring(0, end).toLowerCase(Locale.ROOT);
        String arg = rest.substring(end);
        return switch (kind) {
            case "all" -> arg.isEmpty() ? new Mechanism(qualifier, kind, null, false) : null;
            case "include", "exists" -> arg.startsWith(":") && domainSpec(arg.substring(1))
                    ? new Mechanism(qualifier, kind, arg.substring(1), arg.indexOf('%') >= 0) : null;
            case "a", "mx" -> domainAndCidr(qualifier, kind, arg);
            case "ptr" -> arg.isEmpty() ? new Mechanism(qualifier, kind, null, false)
                    : arg.startsWith(":") && domainSpec(arg.substring(1))
                    ? new Mechanism(qualifier, kind, arg.substring(1), arg.indexOf('%') >= 0) : null;
            case "ip4" -> arg.startsWith(":") && network(arg.substring(1), false)
                    ? new Mechanism(qualifier, kind, null, false) : null;
            case "ip6" -> arg.startsWith(":") && network(arg.substring(1), true)
                    ? new Mechanism(qualifier, kind, null, false) : null;
            default -> null;
        };
    }

    private static Mechanism domainAndCidr(char qualifier, String kind, String arg) {
        String domain = null;
        String cidr = arg;
        if (arg.startsWith(":")) {
            int slash = arg.indexOf('/');
            domain = slash < 0 ? arg.substring(1) : arg.substring(1, slash);
            cidr = slash < 0 ? "" : arg.substring(slash);
            if (!domainSpec(domain)) {
                return null;
            }
        }
        if (!cidr.isEmpty() && !cidr.matches("/(3[0-2]|[12]?[0-9])(//(12[0-8]|1[01][0-9]|[1-9]?[0-9]))?"
                + "|//(12[0-8]|1[01][0-9]|[1-9]?[0-9])")) {
            return null;
        }
        return new Mechanism(qualifier, kind, domain, domain != null && domain.indexOf('%') >= 0);
    }

    private static boolean network(String value, boolean v6) {
        int slash = value.indexOf('/');
        String ip = slash < 0 ? value : value.substring(0, slash);
        if (slash >= 0) {
            String len = value.substring(slash + 1);
            if (!len.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(len) > (v6 ? 128 : 32)) {
                return false;
            }
        }
        if (!v6) {
            return org.xbill.DNS.Address.isDottedQuad(ip) && ip.matches("[0-9.]+");
        }
        if (ip.indexOf(':') < 0) {
            return false;
        }
        try {
            org.xbill.DNS.Address.getByAddress(ip, org.xbill.DNS.Address.IPv6);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A domain-spec: a macro-string, which without macros must end in a real top label (RFC 7208 7.1). */
    static boolean domainSpec(String value) {
        if (value.isEmpty() || !macroString(value)) {
            return false;
        }
        if (value.indexOf('%') >= 0) {
            return true; // expanded per message: checked only for macro syntax
        }
        String d = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        String[] labels = d.split("\\.", -1);
        if (labels.length < 2 || d.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
        }
        String top = labels[labels.length - 1];
        return top.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?") && top.matches(".*[A-Za-z].*");
    }

    private static boolean macroString(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        int pct = value.indexOf('%');
        while (pct >= 0) {
            var m = MACRO.matcher(value);
            if (!m.find(pct) || m.start() != pct) {
                return false;
            }
            pct = value.indexOf('%', m.end());
        }
        return true;
    }
}
