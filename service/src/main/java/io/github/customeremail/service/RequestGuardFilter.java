package io.github.customeremail.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards every request before a controller sees it: the body size limit (whatever the {@code Content-Length}
 * says, chunked bodies included) and the API key of the endpoints that read or change stored personal data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuardFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final ServiceProperties properties;
    private final JsonMapper json;
    private final List<byte[]> keys;

    RequestGuardFilter(ServiceProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.keys = properties.apiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (needsKey(request) && !hasValidKey(request)) {
            String why = keys.isEmpty()
                    ? "no API key is configured: set customer-email.service.api-keys to use this endpoint"
                    : "a valid API key is required in the " + API_KEY_HEADER + " header";
            write(response, HttpServletResponse.SC_UNAUTHORIZED, new ApiError("unauthorized", why));
            return;
        }
        long declared = request.getContentLengthLong();
        int limit = properties.maxRequestBytes();
        if (declared > limit) {
            write(response, 413, tooLarge(limit));
            return;
        }
        if (isForm(request)) {
            // Forms of the clerks' page: Tomcat parses them (server.tomcat.max-http-form-post-size), which it
            // cannot do once the body has been read here.
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit + 1);
        if (body.length > limit) {
            write(response, 413, tooLarge(limit));
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private boolean needsKey(HttpServletRequest request) {
        String path = servedPath(request);
        if (path.equals("/v1/checks")) {
            return !properties.checksOpen();
        }
        // SNS cannot send headers: its messages are authenticated by their signatures (and optional basic auth).
        return path.startsWith("/v1/") && !path.equals("/v1/ses/notifications");
    }

    /**
     * The path the request is dispatched on: decoded, {@code ..} resolved and {@code ;} parameters removed by the
     * container, so a detour such as {@code /v1/checks/../suppressions/export} is judged by where it arrives.
     */
    private static String servedPath(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? request.getServletPath() : request.getServletPath() + info;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && !servedPath(request).startsWith("/v1/");
    }

    private boolean hasValidKey(HttpServletRequest request) {
        String given = request.getHeader(API_KEY_HEADER);
        if (given == null) {
            return false;
        }
        byte[] g = given.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] key : keys) {
            ok |= MessageDigest.isEqual(key, g); // constant time per key; every key compared
        }
        return ok;
    }

    private static ApiError tooLarge(int limit) {
        return new ApiError("too-large", "the request body is larger than " + limit + " bytes");
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while (total < max && (n = in.read(buffer, 0, Math.min(buffer.length, max - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    /** The request with its body already read (within the limit) and served again from memory. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    StandardCharsets.UTF_8));
        }
    }
}
