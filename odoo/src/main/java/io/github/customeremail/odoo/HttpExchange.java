package io.github.customeremail.odoo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP POST with a hard deadline, a cap on the answer's size, and retries with exponential backoff for
 * transient errors only: connection refused always (the request never reached Odoo); reset, timeout and
 * 502/503/504 only when the call is idempotent, so a note or a record is never created twice.
 */
final class HttpExchange {

    /** An HTTP answer. */
    record Answer(int status, byte[] body, String contentType) {
    }

    /** Whether repeating the call after an unclear failure is safe. */
    enum Repeatable { YES, NO }

    private final HttpClient client;
    private final OdooSettings settings;
    private final Sleeper sleeper;

    /** Waits between attempts; a seam so tests of retries need not wait. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    HttpExchange(OdooSettings settings) {
        this(settings, d -> Thread.sleep(d.toMillis()));
    }

    HttpExchange(OdooSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer post(String path, Map<String, String> headers, byte[] body, Repeatable repeatable) {
        URI uri = URI.create(settings.base() + path);
        Duration backoff = settings.initialBackoff();
        Exception last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
            try {
                Answer answer = once(uri, headers, body);
                if (isGatewayError(answer.status()) && repeatable == Repeatable.YES
                        && attempt < settings.maxAttempts()) {
                    last = new IOException("HTTP " + answer.status());
                    continue;
                }
                if (isGatewayError(answer.status())) {
                    throw new OdooTransportException("Odoo at " + uri + " answered HTTP " + answer.status()
                            + " after " + attempt + " attempt(s)", null);
                }
                return answer;
            } catch (ConnectException e) {
                last = e;
            } catch (IOException e) {
                last = e;
                if (repeatable == Repeatable.NO) {
                    break;
                }
            }
        }
        throw new OdooTransportException(describe(uri, last) + " (" + settings.maxAttempts() + " attempt(s) at most; "
                + (repeatable == Repeatable.NO ? "not repeated: the call is not idempotent" : "retried") + ")", last);
    }

    private static boolean isGatewayError(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private static String describe(URI uri, Exception e) {
        if (e instanceof HttpTimeoutException || e instanceof TimeoutExceptionWrapper) {
            return "Odoo at " + uri + " did not answer in time";
        }
        if (e instanceof ConnectException) {
            return "Odoo at " + uri + " refused the connection";
        }
        return "Odoo at " + uri + " failed: " + (e == null ? "unknown error" : e.getMessage());
    }

    private void pause(Duration backoff) {
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdooTransportException("interrupted while waiting to retry", e);
        }
    }

    private Answer once(URI uri, Map<String, String> headers, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request.build(), info -> new CappedBody(settings.maxResponseBytes(), info));
        try {
            // The request timeout covers the headers; this deadline also covers a body that trickles in.
            HttpResponse<byte[]> response = future.get(settings.requestTimeout().toMillis() + 1000,
                    TimeUnit.MILLISECONDS);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), response.body(), contentType);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutExceptionWrapper(e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OdooTransportException("interrupted while waiting for Odoo", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OdooProtocolException p) {
                throw new OdooProtocolException(p.getMessage(), p);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** A deadline passed while the body was still arriving. */
    private static final class TimeoutExceptionWrapper extends IOException {
        private static final long serialVersionUID = 1L;

        TimeoutExceptionWrapper(TimeoutException cause) {
            super("timed out", cause);
        }
    }

    /** Collects the body, giving up as soon as it exceeds the cap (or announces that it will). */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int cap, HttpResponse.ResponseInfo info) {
            this.cap = cap;
            long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (announced > cap) {
                result.completeExceptionally(tooLarge(cap));
            }
        }

        private static OdooProtocolException tooLarge(int cap) {
            return new OdooProtocolException("Odoo's answer is larger than " + cap + " bytes");
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (result.isDone()) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (bytes.size() + item.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(tooLarge(cap));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
