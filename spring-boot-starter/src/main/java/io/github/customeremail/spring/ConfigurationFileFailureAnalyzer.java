package io.github.customeremail.spring;

import io.github.customeremail.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup stopped by a wrong {@code customer-email.properties} file on the classpath. */
final class ConfigurationFileFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct customer-email.properties, or remove it and use the customer-email.* application "
                        + "properties instead.",
                cause);
    }
}
