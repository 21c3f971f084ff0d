package io.github.customeremail.service;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fetches SNS signing certificates, only over HTTPS and only from allow-listed hosts, and keeps the recent ones.
 */
class SigningCertificates {

    /** A certificate that cannot be used: wrong URL, fetch failed, not a certificate. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private final HttpClient http;
    private final List<Pattern> hosts;
    private final ServiceProperties.Sns settings;
    private final Map<String, X509Certificate> cache;

    SigningCertificates(HttpClient http, ServiceProperties.Sns settings) {
        this.http = http;
        this.settings = settings;
        this.hosts = settings.certificateHosts().stream().map(Pattern::compile).toList();
        int max = settings.certificateCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, X509Certificate> eldest) {
                return size() > max;
            }
        };
    }

    /** @return whether the URL is https on an allow-listed host (the whole host matches one pattern) */
    static boolean allowed(String url, List<Pattern> hosts) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        String host = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || uri.getUserInfo() != null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(p -> p.matcher(h).matches());
    }

    X509Certificate get(String url) throws Refused {
        if (!allowed(url, hosts)) {
            throw new Refused("SigningCertURL is not https on an allowed host");
        }
        synchronized (cache) {
            X509Certificate cached = cache.get(url);
            if (cached != null) {
                return cached;
            }
        }
        X509Certificate fetched = fetch(url);
        synchronized (cache) {
            cache.put(url, fetched);
        }
        return fetched;
    }

    private X509Certificate fetch(String url) throws Refused {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(settings.fetchTimeout()).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new Refused("the signing certificate could not be fetched: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted while fetching the signing certificate");
        }
        if (response.statusCode() != 200 || response.body().length > 64 * 1024) {
            throw new Refused("the signing certificate could not be fetched: HTTP " + response.statusCode());
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(response.body()));
        } catch (CertificateException | ClassCastException e) {
            throw new Refused("the signing certificate is not an X.509 certificate");
        }
    }
}
