package io.github.customeremail.service;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * SQS pull, the intake for a service that exposes nothing: long-polls a queue subscribed to the SES notification
 * topic and deletes a message only after it is committed (stored, a duplicate, or kept as rejected). When the
 * database is down the message is not deleted and SQS delivers it again after its visibility timeout. Credentials
 * come from the AWS SDK's default provider chain (environment, profile, instance role). On when
 * {@code customer-email.service.sqs.queue-url} is set.
 */
@Component
@ConditionalOnExpression("'${customer-email.service.sqs.queue-url:}' != ''")
class SqsIntake implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SqsIntake.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final FeedbackIntake intake;
    private final ServiceProperties.Sqs settings;
    private final SqsClient sqs;
    private volatile boolean running;
    private Thread poller;

    SqsIntake(FeedbackIntake intake, ServiceProperties properties) {
        this.intake = intake;
        this.settings = properties.sqs();
        this.sqs = AwsClients.configure(SqsClient.builder(), settings.region(), settings.endpoint()).build();
    }

    @Override
    public synchronized void start() {
        running = true;
        poller = new Thread(this::pollUntilStopped, "sqs-intake");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        sqs.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pollUntilStopped() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(ReceiveMessageRequest.builder()
                        .queueUrl(settings.queueUrl()).maxNumberOfMessages(10)
                        .waitTimeSeconds((int) settings.waitTime().toSeconds()).build()).messages();
                for (Message m : messages) {
                    handle(m);
                }
                backoff = Duration.ofSeconds(1);
            } catch (DataAccessException e) {
                LOG.warn("database unavailable; SQS messages stay on the queue: {}", e.getClass().getSimpleName());
                backoff = sleep(backoff);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("SQS receive failed, retrying in {}: {}", backoff, e.getClass().getSimpleName());
                backoff = sleep(backoff);
            }
        }
    }

    /** Stores one message, then deletes it: never the other way round. */
    private void handle(Message m) {
        FeedbackStore.Outcome outcome = intake.acceptEnvelopeOrBare(m.body(), "sqs:" + m.messageId(), "sqs");
        sqs.deleteMessage(DeleteMessageRequest.builder().queueUrl(settings.queueUrl())
                .receiptHandle(m.receiptHandle()).build());
        LOG.debug("SQS message {}: {}", m.messageId(), outcome);
    }

    private Duration sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }
}
