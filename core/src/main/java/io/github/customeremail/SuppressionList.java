package io.github.customeremail;

import java.util.Locale;
import java.util.Optional;

/**
 * Addresses that must not be used again because mail to them bounced for good or the recipient complained: the
 * port through which the validator consults what a sending system learned (for example the suppression list of
 * {@code customer-email-service}, fed by Amazon SES bounce and complaint notifications).
 *
 * <p>The validator calls {@link #find(String)} once per check of a well-formed address, with its normalized form,
 * so an implementation must answer from memory (a hash lookup), never with a query or a network call. It must be
 * thread-safe and must not throw; an exception is treated as "not suppressed" by the validator.
 *
 * <p>Keys: an entry is found by {@link #key(String)} of the address, which is the address lower-cased. For a
 * plain address that is the validator's normalized form and also Odoo's {@code email_normalize} value, so lists
 * exported from Odoo and from the service match the validator's addresses.
 *
 * @see InMemorySuppressionList
 * @see CustomerEmailValidator.Builder#suppressionList(SuppressionList)
 */
public interface SuppressionList {

    /**
     * @param normalizedAddress an address as the validator normalized it ({@code local@domain}, A-label domain)
     * @return the entry when the address is suppressed; empty otherwise
     */
    Optional<SuppressionEntry> find(String normalizedAddress);

    /**
     * The lookup key of an address: the address lower-cased (locale-independent), as Odoo's
     * {@code email_normalize} does for a plain address.
     *
     * @param address an address
     * @return its key
     */
    static String key(String address) {
        // Nearly every normalized address is already lower-case ASCII: then no copy, and no case tables.
        return Normalizer.isLowerCaseAscii(address, 0, address.length()) ? address
                : address.toLowerCase(Locale.ROOT);
    }
}
