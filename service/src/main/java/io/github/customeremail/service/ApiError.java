package io.github.customeremail.service;

/**
 * The JSON body of every error response: a stable code to switch on and a sentence for people.
 *
 * @param error   a stable code such as {@code bad-request}, {@code unauthorized}, {@code too-large}
 * @param message what went wrong, in English
 */
record ApiError(String error, String message) {
}
