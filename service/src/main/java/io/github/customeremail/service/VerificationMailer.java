package io.github.customeremail.service;

import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes and sends the mail with the code, through the relay of {@code spring.mail.*} (Amazon SES's SMTP interface
 * in production). Without {@code spring.mail.host} there is no relay and no code can be sent.
 */
@Component
class VerificationMailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final VerificationProperties properties;

    VerificationMailer(ObjectProvider<JavaMailSender> sender, MessageSource messages,
                       VerificationProperties properties) {
        this.sender = sender;
        this.messages = messages;
        this.properties = properties;
    }

    boolean configured() {
        return sender.getIfAvailable() != null && !properties.from().isBlank();
    }

    /**
     * Sends the code; throws when the relay refuses it, cannot be reached or does not answer within the timeouts of
     * {@code spring.mail.properties.mail.smtp.*timeout}.
     */
    void send(String address, String code, Locale locale) throws MailException {
        JavaMailSender mail = sender.getObject();
        String company = properties.companyName().isBlank() ? properties.from() : properties.companyName();
        long minutes = properties.codeTtl().toMinutes();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(address);
        message.setSubject(messages.getMessage("mail.subject", new Object[] {code, company}, locale));
        message.setText(messages.getMessage("mail.text", new Object[] {code, company, minutes}, locale));
        mail.send(message);
    }
}
