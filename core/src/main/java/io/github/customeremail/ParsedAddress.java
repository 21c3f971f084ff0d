package io.github.customeremail;

import java.util.Objects;

/**
 * A syntactically valid customer address, as accepted by {@link AddressParser}.
 *
 * @param localPart     the part before {@code @}, as given (the normalizer has usually lower-cased it)
 * @param domain        the domain in lower-case ASCII form (A-labels for internationalized names), no trailing dot
 * @param unicodeDomain the domain as typed, in Unicode (equal to {@code domain} for ASCII domains)
 */
public record ParsedAddress(String localPart, String domain, String unicodeDomain) implements ParseResult {

    /** Validates the components. */
    public ParsedAddress {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(unicodeDomain, "unicodeDomain");
    }

    /** @return {@code localPart@domain}, the form to store and to send mail to */
    public String address() {
        return localPart + '@' + domain;
    }

    /** @return {@code true} if the domain was typed with non-ASCII characters */
    public boolean internationalDomain() {
        return !domain.equals(unicodeDomain);
    }

    /** @return the top-level domain, e.g. {@code com} */
    public String topLevelDomain() {
        return domain.substring(domain.lastIndexOf('.') + 1);
    }
}
