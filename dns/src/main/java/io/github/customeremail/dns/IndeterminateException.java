package io.github.customeremail.dns;

/**
 * Completes a cache future exceptionally so that Caffeine drops the entry: indeterminate outcomes are never
 * cached. Carries only a reason; no stack trace is captured.
 */
final class IndeterminateException extends RuntimeException {

    IndeterminateException(String reason) {
        super(reason, null, false, false);
    }
}
