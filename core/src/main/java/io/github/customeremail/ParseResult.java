package io.github.customeremail;

/**
 * The outcome of {@link AddressParser#parse(String)}: either a {@link ParsedAddress} or a {@link Rejected} with the
 * first reason found.
 */
public sealed interface ParseResult permits ParsedAddress, ParseResult.Rejected {

    /**
     * The input is not an acceptable customer address.
     *
     * @param reason the first syntax error found (severity {@link Severity#ERROR})
     */
    record Rejected(Finding reason) implements ParseResult {
        /** Validates the reason. */
        public Rejected {
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }
}
