package io.github.customeremail;

/**
 * Reaches core's package-private switches from the benchmarks (same package, benchmarks jar only; the published
 * core jar has no such public entry point).
 */
public final class BenchmarkHooks {

    private BenchmarkHooks() {
    }

    /**
     * Switches off the typo corrector's memo of recent answers, so that every unknown domain is searched: what the
     * issue's targets measure ("memo off"), beside the default ("memo on").
     *
     * @param builder a validator builder
     * @return the same builder
     */
    public static CustomerEmailValidator.Builder withoutTypoMemo(CustomerEmailValidator.Builder builder) {
        return builder.typoMemo(false);
    }
}
