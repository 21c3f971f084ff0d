package io.github.customeremail.service;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** How the service builds its AWS SDK clients: the JDK's HTTP client, the default credentials chain. */
final class AwsClients {

    private AwsClients() {
    }

    /**
     * @param builder  an SDK client builder
     * @param region   the region, or empty for the SDK's default region chain
     * @param endpoint another endpoint, or empty for AWS's own
     * @return the builder, configured
     */
    static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String region,
                                                                                     String endpoint) {
        builder.httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (!region.isEmpty()) {
            builder.region(Region.of(region));
        }
        if (!endpoint.isEmpty()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }
}
