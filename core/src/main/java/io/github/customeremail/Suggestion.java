package io.github.customeremail;

import java.util.Objects;

/**
 * What the user probably meant: a whole corrected address and how confident the corrector is.
 *
 * @param address    the complete suggested address, already normalized (for example {@code juan@gmail.com})
 * @param confidence a value in {@code (0, 1]}; higher means the correction is more certain
 */
public record Suggestion(String address, double confidence) {

    /** Validates the components. */
    public Suggestion {
        Objects.requireNonNull(address, "address");
        if (!(confidence > 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
        }
    }

    /** @return the domain part of {@link #address()} */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
