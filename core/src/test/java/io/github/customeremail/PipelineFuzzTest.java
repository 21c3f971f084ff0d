package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.management.ManagementFactory;

/**
 * Coverage-guided fuzzing of normalizer + parser + corrector + policy through the facade (Jazzer).
 *
 * <p>In the normal build ({@code mvn verify}) the seed corpus in {@code PipelineFuzzTestInputs/} and every crash
 * reproducer kept there run as regression tests. To fuzz for real (needs a Linux x86-64 machine):
 * <pre>JAZZER_FUZZ=1 mvn -B -pl core test -Dtest=PipelineFuzzTest</pre> fuzzes for {@code maxDuration} (30 minutes; regression runs ignore it).
 * New crash reproducers land in {@code src/test/resources/io/github/customeremail/PipelineFuzzTestInputs/}; commit
 * them with the fix so they stay regression tests.
 */
class PipelineFuzzTest {

    private static final CustomerEmailValidator VALIDATOR = CustomerEmailValidator.builder().build();
    /**
     * Work budget per check, in allocated bytes: a deterministic stand-in for "bounded time". Checked in regression
     * runs only: while fuzzing, Jazzer's comparison hooks allocate on our behalf.
     */
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;
    /** Bytes, see above. */
    private static final long ALLOCATION_BUDGET = 64 * 1024 + 64L * CustomerEmailValidator.MAX_INPUT_LENGTH;

    @FuzzTest(maxDuration = "30m")
    void checkIsTotalAndConsistent(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        VALIDATOR.check(input); // the first check of a kind loads classes and bundles: measure the second
        long before = allocated();
        EmailCheck check = VALIDATOR.check(input);
        long bytes = allocated() - before;

        assertThat(check.has(FindingCode.INTERNAL_ERROR)).as("internal error for %s", input).isFalse();
        if (!FUZZING) {
            assertThat(bytes).as("bytes allocated checking %d chars", input.length()).isLessThan(ALLOCATION_BUDGET);
        }
        switch (check.verdict()) {
            case VALID -> {
                String normalized = check.normalized().orElseThrow();
                ParseResult again = AddressParser.strict().parse(normalized);
                assertThat(again).isInstanceOf(ParsedAddress.class);
                assertThat(((ParsedAddress) again).address()).isEqualTo(normalized);
                assertThat(normalized.length()).isLessThanOrEqualTo(AddressParser.MAX_ADDRESS_LENGTH);
            }
            case SUGGEST -> {
                String suggestion = check.suggestion().orElseThrow().address();
                assertThat(VALIDATOR.check(suggestion).verdict()).as("suggestion %s", suggestion)
                        .isEqualTo(Verdict.VALID);
            }
            case INVALID -> assertThat(check.findings()).anyMatch(f -> f.severity() == Severity.ERROR);
            case UNKNOWN -> throw new AssertionError("UNKNOWN without a DNS check for " + input);
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
