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
        return isLowerCaseAscii(address) ? address : address.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether lower-casing would leave the text as it is because it is ASCII with no upper-case letter, as nearly every
     * normalized address is: one cheap scan instead of {@code toLowerCase}'s per-character case tables.
     */
    private static boolean isLowerCaseAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
