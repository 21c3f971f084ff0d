package io.github.customeremail;

import java.util.List;
import java.util.Objects;

/**
 * The output of {@link Normalizer#normalize(String)}: the repaired text and one finding per kind of repair made.
 *
 * @param value   the repaired text (not necessarily a valid address)
 * @param repairs the repairs made, each an {@link Severity#INFO} finding, in the order applied
 */
public record Normalization(String value, List<Finding> repairs) {

    /** Validates and copies the components. */
    public Normalization {
        Objects.requireNonNull(value, "value");
        repairs = List.copyOf(repairs);
    }

    /** @return {@code true} if at least one repair was made */
    public boolean changed() {
        return !repairs.isEmpty();
    }
}
