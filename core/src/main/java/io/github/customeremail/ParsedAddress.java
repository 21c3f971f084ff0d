package io.github.customeremail;

import java.util.Objects;

/**
 * A syntactically valid customer address, as accepted by {@link AddressParser}. Immutable.
 *
 * <p>(A class rather than a record so that the common case, an already clean address, shares the caller's string
 * instead of copying its parts: a check of a clean address should allocate next to nothing.)
 */
public final class ParsedAddress implements ParseResult {

    private final String address;
    private final int at;
    /**
     * Always equal to {@code address.substring(at + 1)}. For an ASCII address the parser passes none:
     * {@link #domain()} makes it on first use (a benign race, as for {@code String.hash}: any thread that sees
     * {@code null} makes an equal string), because the built-in stages read the domain in place and a clean check
     * then never needs the string.
     */
    private String domain;
    /** {@code null} when equal to {@link #domain()} (an ASCII domain). */
    private final String unicodeDomain;

    /**
     * @param localPart     the part before {@code @}
     * @param domain        the domain in lower-case ASCII form (A-labels for internationalized names)
     * @param unicodeDomain the domain as typed, in Unicode (equal to {@code domain} for ASCII domains)
     */
    public ParsedAddress(String localPart, String domain, String unicodeDomain) {
        this(join(Objects.requireNonNull(localPart, "localPart"), Objects.requireNonNull(domain, "domain")),
                localPart.length(), domain, unicodeDomain);
    }

    /**
     * @return {@code localPart@domain}, built with one exact-size buffer (this runs for every parsed address)
     */
    static String join(String localPart, String domain) {
        return new StringBuilder(localPart.length() + 1 + domain.length())
                .append(localPart).append('@').append(domain).toString();
    }

    /** Used by the parser: {@code address} is exactly {@code localPart@domain} with the {@code @} at {@code at}. */
    ParsedAddress(String address, int at, String domain, String unicodeDomain) {
        this.address = address;
        this.at = at;
        this.domain = domain;
        this.unicodeDomain = Objects.requireNonNull(unicodeDomain, "unicodeDomain");
    }

    /**
     * Used by the parser for an address that is all ASCII with a lower-case domain: {@code address} is exactly
     * {@code localPart@domain} with the {@code @} at {@code at}.
     */
    ParsedAddress(String address, int at) {
        this.address = address;
        this.at = at;
        this.unicodeDomain = null;
    }

    /** @return the part before {@code @}, as given (the normalizer has usually lower-cased it) */
    public String localPart() {
        return address.substring(0, at);
    }

    /**
     * The built-in policy rules read the local part in place, as {@code address()[0, at())}, rather than through
     * {@link #localPart()}, which makes a new string on each call: a VALID check should allocate next to nothing.
     *
     * @return the index of the {@code @} in {@link #address()}
     */
    int at() {
        return at;
    }

    /**
     * @return whether the local part is ASCII without upper-case letters, i.e. {@code toLowerCase(Locale.ROOT)}
     *         leaves it as it is (the normalizer's output, unless configured not to lower-case it)
     */
    boolean localPartIsLowerCaseAscii() {
        return Normalizer.isLowerCaseAscii(address, 0, at);
    }

    /** @return the domain in lower-case ASCII form (A-labels for internationalized names), no trailing dot */
    public String domain() {
        String d = domain;
        if (d == null) {
            d = address.substring(at + 1);
            domain = d;
        }
        return d;
    }

    /** @return the domain as typed, in Unicode (equal to {@link #domain()} for ASCII domains) */
    public String unicodeDomain() {
        return unicodeDomain == null ? domain() : unicodeDomain;
    }

    /** @return {@code localPart@domain}, the form to store and to send mail to */
    public String address() {
        return address;
    }

    /** @return {@code true} if the domain was typed with non-ASCII characters */
    public boolean internationalDomain() {
        return unicodeDomain != null && !unicodeDomain.equals(domain());
    }

    /** @return the top-level domain, e.g. {@code com} */
    public String topLevelDomain() {
        String d = domain();
        return d.substring(d.lastIndexOf('.') + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedAddress p && p.address.equals(address) && p.unicodeDomain().equals(unicodeDomain());
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + unicodeDomain().hashCode();
    }

    @Override
    public String toString() {
        return "ParsedAddress[" + address + (internationalDomain() ? " (" + unicodeDomain() + ")" : "") + "]";
    }
}
