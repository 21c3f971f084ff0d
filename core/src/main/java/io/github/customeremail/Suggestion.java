package io.github.customeremail;

import java.util.Objects;

/**
 * What the user probably meant: a whole corrected address, how confident the corrector is, and the domain it
 * corrects.
 *
 * @param address     the complete suggested address, already normalized (for example {@code juan@gmail.com})
 * @param confidence  a value in {@code (0, 1]}; higher means the correction is more certain
 * @param typedDomain the domain as typed, after the safe repairs, that the suggestion replaces (for example
 *                    {@code gmial.com}, or {@code hotmail.con} for an address refused as typed); for reports of
 *                    the most frequent typos
 */
public record Suggestion(String address, double confidence, String typedDomain) {

    /** Validates the components. */
    public Suggestion {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(typedDomain, "typedDomain");
        if (!(confidence > 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
        }
    }

    /** @return the domain part of {@link #address()} */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
