package io.github.customeremail.dns;

/** Amazon SES's DNS names that a sending domain's records point to. */
final class SesNames {

    /** SES's own envelope-sender domain when no custom MAIL FROM is set; also the SPF include that covers SES. */
    static final String DEFAULT_MAIL_FROM = "amazonses.com";

    private SesNames() {
    }

    /** @return the Easy DKIM CNAME target of a token */
    static String dkimTarget(String token) {
        return token + ".dkim.amazonses.com";
    }

    /** @return the MX host a custom MAIL FROM domain must have in that region */
    static String feedbackHost(String region) {
        return "feedback-smtp." + region + ".amazonses.com";
    }

    /** @return whether {@code host} is an SES feedback host of some region */
    static boolean isFeedbackHost(String host) {
        return host.startsWith("feedback-smtp.") && host.endsWith(".amazonses.com");
    }
}
