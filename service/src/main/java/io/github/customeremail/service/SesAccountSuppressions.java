package io.github.customeremail.service;

import io.github.customeremail.SuppressionReason;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.DeleteSuppressedDestinationRequest;
import software.amazon.awssdk.services.sesv2.model.ListSuppressedDestinationsRequest;
import software.amazon.awssdk.services.sesv2.model.ListSuppressedDestinationsResponse;
import software.amazon.awssdk.services.sesv2.model.SuppressedDestinationSummary;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/**
 * Amazon SES's account-level suppression list: lifting an address here also lifts it there (SESv2
 * {@code DeleteSuppressedDestination}), or SES would go on refusing to send to it; and its entries can be read
 * ({@code ListSuppressedDestinations}) to import them. On when
 * {@code customer-email.service.ses.enabled=true}; credentials from the AWS SDK's default chain.
 */
@Component
@ConditionalOnProperty(name = "customer-email.service.ses.enabled", havingValue = "true")
class SesAccountSuppressions implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SesAccountSuppressions.class);

    /**
     * One entry of SES's list.
     *
     * @param address    the address
     * @param reason     {@code COMPLAINT}, or {@code PERMANENT_BOUNCE} for SES's {@code BOUNCE}
     * @param lastUpdate when SES last updated it
     */
    record Listed(String address, SuppressionReason reason, Instant lastUpdate) {
    }

    /** What SES said to a lift. */
    enum Lifted { LIFTED, NOT_LISTED, FAILED }

    private final SesV2Client ses;

    SesAccountSuppressions(ServiceProperties properties) {
        ServiceProperties.Ses settings = properties.ses();
        this.ses = AwsClients.configure(SesV2Client.builder(), settings.region(), settings.endpoint()).build();
    }

    /**
     * @param address the address to lift
     * @return LIFTED, NOT_LISTED (SES did not have it), or FAILED (logged; the local lift stands)
     */
    Lifted lift(String address) {
        try {
            ses.deleteSuppressedDestination(DeleteSuppressedDestinationRequest.builder().emailAddress(address).build());
            return Lifted.LIFTED;
        } catch (NotFoundException e) {
            return Lifted.NOT_LISTED;
        } catch (SdkException e) {
            LOG.warn("SES suppression of {} not lifted: {}", Masked.address(address), e.getClass().getSimpleName());
            return Lifted.FAILED;
        }
    }

    /**
     * Reads the whole list, page by page ({@code NextToken}), handing each page over before asking for the next.
     *
     * @param page receives each page's entries
     * @throws SdkException when SES cannot be read (pages handed over before stay handed over)
     */
    void pages(Consumer<List<Listed>> page) {
        String token = null;
        do {
            ListSuppressedDestinationsResponse response = ses.listSuppressedDestinations(
                    ListSuppressedDestinationsRequest.builder().nextToken(token).build());
            page.accept(response.suppressedDestinationSummaries().stream().map(SesAccountSuppressions::listed)
                    .toList());
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
    }

    private static Listed listed(SuppressedDestinationSummary s) {
        SuppressionReason reason = s.reason() == SuppressionListReason.COMPLAINT
                ? SuppressionReason.COMPLAINT : SuppressionReason.PERMANENT_BOUNCE;
        return new Listed(s.emailAddress(), reason, s.lastUpdateTime() != null ? s.lastUpdateTime() : Instant.EPOCH);
    }

    @Override
    public void destroy() {
        ses.close();
    }
}
