package io.github.customeremail.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup stopped by a wrong {@code customer-email.*} property. */
final class InvalidCustomerEmailPropertyFailureAnalyzer
        extends AbstractFailureAnalyzer<InvalidCustomerEmailPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCustomerEmailPropertyException cause) {
        return new FailureAnalysis(
                "Invalid value '" + cause.value() + "' for property '" + cause.property() + "': " + cause.reason(),
                "Correct '" + cause.property() + "' in your application properties (see the keys and values "
                        + "documented in the customer-email-spring-boot-starter README).",
                cause);
    }
}
