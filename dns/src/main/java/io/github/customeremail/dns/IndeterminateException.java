package io.github.customeremail.dns;

import java.util.concurrent.CancellationException;

/**
 * Completes a cache future exceptionally so that Caffeine drops the entry: indeterminate outcomes are never
 * cached. Carries only a reason; no stack trace is captured.
 *
 * <p>It is a {@link CancellationException} on purpose: Caffeine logs a WARNING with a stack trace for every other
 * failed asynchronous load, and a SERVFAIL or a timeout is an expected outcome here, not an error to log. Callers
 * never see this exception: the checker turns it into {@code Indeterminate(reason)}.
 */
final class IndeterminateException extends CancellationException {

    IndeterminateException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an outcome, not a bug: no stack trace
    }
}
