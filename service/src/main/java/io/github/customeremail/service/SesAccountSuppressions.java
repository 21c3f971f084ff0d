package io.github.customeremail.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.DeleteSuppressedDestinationRequest;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/**
 * Amazon SES's account-level suppression list: lifting an address here also lifts it there (SESv2
 * {@code DeleteSuppressedDestination}), or SES would go on refusing to send to it. On when
 * {@code customer-email.service.ses.enabled=true}; credentials from the AWS SDK's default chain.
 */
@Component
@ConditionalOnProperty(name = "customer-email.service.ses.enabled", havingValue = "true")
class SesAccountSuppressions implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SesAccountSuppressions.class);

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

    @Override
    public void destroy() {
        ses.close();
    }
}
