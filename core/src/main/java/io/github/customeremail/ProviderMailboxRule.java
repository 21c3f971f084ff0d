package io.github.customeremail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Built-in rule: what the big free providers allow as a mailbox name, where they publish it
 * ({@link FindingCode#PROVIDER_MAILBOX_RULE}). Parameters: {@code provider} (display name: {@code Gmail},
 * {@code Hotmail/Outlook}, {@code Yahoo}) and {@code reason}, a reason id whose text is looked up in the message
 * bundle under {@code PROVIDER_MAILBOX_RULE.reason.<id>} (so it is rendered in the reader's language).
 *
 * <p>Rules and sources (local part compared case-insensitively):
 * <ul>
 *   <li><b>Gmail</b> ({@code gmail.com}, {@code googlemail.com}). Google Account Help, "Create a username"
 *       (support.google.com/mail/answer/9211434): usernames contain only letters (a-z), numbers (0-9) and periods,
 *       and are 6 to 30 characters long; "Dots don't matter in Gmail addresses" (answer/7436150); a {@code +tag}
 *       after the name is delivered to the same mailbox (answer/12096). So the name before any {@code +} may hold
 *       only {@code [a-z0-9.]} (reason {@code gmail-characters}; <b>error</b> in {@link ProviderRuleMode#STANDARD}:
 *       Google states it without exception) and 6–30 characters not counting dots (reason {@code gmail-length};
 *       warning in STANDARD: the limits changed over the years and very old or internal accounts may differ).</li>
 *   <li><b>Outlook.com / Hotmail / Live / MSN</b>. The Microsoft account sign-up form (signup.live.com) accepts
 *       letters, numbers, periods, hyphens and underscores and requires a letter first; the 64-character limit is
 *       the RFC one, already enforced by the parser; Outlook.com delivers {@code +tag} addresses to the base
 *       mailbox. Reasons {@code outlook-characters} and {@code outlook-first-character}; warning in STANDARD
 *       (not published as a reference document).</li>
 *   <li><b>Yahoo</b> ({@code yahoo.*}, {@code ymail.com}, {@code rocketmail.com}). Yahoo Help on creating an account:
 *       a Yahoo ID is 4 to 32 characters, starts with a letter and holds letters, numbers, underscores and at most
 *       one period. Yahoo's disposable addresses are {@code basename-keyword@yahoo.com}, so a hyphen is accepted and
 *       then only the characters are checked. Yahoo has no {@code +tag} addressing, so {@code +} is an unexpected
 *       character. Reasons {@code yahoo-characters}, {@code yahoo-first-character}, {@code yahoo-dots},
 *       {@code yahoo-length}; warning in STANDARD (legacy IDs predate these rules).</li>
 * </ul>
 * At most one finding per address: the first broken rule in the order above.
 */
record ProviderMailboxRule(ProviderRuleMode mode) implements PolicyRule {

    static final int COST = 40;

    static final String GMAIL = "Gmail";
    static final String OUTLOOK = "Hotmail/Outlook";
    static final String YAHOO = "Yahoo";

    private static final Set<String> GMAIL_DOMAINS = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> OUTLOOK_DOMAINS = Set.of(
            "outlook.com", "outlook.es", "outlook.cl", "outlook.com.ar", "outlook.com.br", "outlook.fr",
            "outlook.de", "outlook.it", "hotmail.com", "hotmail.es", "hotmail.com.ar", "hotmail.com.br",
            "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "live.com", "live.com.mx", "live.com.ar",
            "live.cl", "live.es", "live.co.uk", "live.fr", "msn.com");
    private static final Set<String> YAHOO_DOMAINS = Set.of(
            "yahoo.com", "yahoo.es", "yahoo.com.mx", "yahoo.com.ar", "yahoo.com.br", "yahoo.com.co",
            "yahoo.com.pe", "yahoo.com.ve", "yahoo.cl", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.it",
            "yahoo.ca", "ymail.com", "rocketmail.com");

    /** Reason id → whether the provider states the rule firmly enough to be an error in STANDARD mode. */
    static final Map<String, Boolean> REASONS = Map.of(
            "gmail-characters", true,
            "gmail-length", false,
            "outlook-characters", false,
            "outlook-first-character", false,
            "yahoo-characters", false,
            "yahoo-first-character", false,
            "yahoo-dots", false,
            "yahoo-length", false);

    /** Domain → provider, looked up by the region of the address after the @. */
    private static final StringTable<String> PROVIDERS = providers();

    private static StringTable<String> providers() {
        Map<String, String> map = new HashMap<>();
        GMAIL_DOMAINS.forEach(d -> map.put(d, GMAIL));
        OUTLOOK_DOMAINS.forEach(d -> map.put(d, OUTLOOK));
        YAHOO_DOMAINS.forEach(d -> map.put(d, YAHOO));
        return new StringTable<>(map);
    }

    @Override
    public Optional<Finding> evaluate(ParsedAddress address) {
        if (mode == ProviderRuleMode.OFF) {
            return Optional.empty();
        }
        String provider = PROVIDERS.get(address.address(), address.at() + 1, address.address().length());
        if (provider == null) {
            return Optional.empty();
        }
        // The lower-cased local part is local[0, end): read in place in the common case, where lower-casing
        // changes nothing; otherwise a lower-cased copy.
        String local;
        int end;
        if (address.localPartIsLowerCaseAscii()) {
            local = address.address();
            end = address.at();
        } else {
            local = address.localPart().toLowerCase(Locale.ROOT);
            end = local.length();
        }
        return switch (provider) {
            case GMAIL -> finding(GMAIL, gmail(local, withoutTag(local, end)));
            case OUTLOOK -> finding(OUTLOOK, outlook(local, withoutTag(local, end)));
            default -> finding(YAHOO, yahoo(local, end));
        };
    }

    /** The checks read the name as {@code name[0, end)}. */
    private static String gmail(String name, int end) {
        int letters = 0;
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                continue;
            }
            if (!isLetterOrDigit(c)) {
                return "gmail-characters";
            }
            letters++;
        }
        return letters < 6 || letters > 30 ? "gmail-length" : null;
    }

    private static String outlook(String name, int end) {
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '-' && c != '_') {
                return "outlook-characters";
            }
        }
        return end == 0 || !isLetter(name.charAt(0)) ? "outlook-first-character" : null;
    }

    private static String yahoo(String name, int end) {
        int hyphen = name.indexOf('-');
        boolean disposable = hyphen >= 0 && hyphen < end;
        int dots = 0;
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!isLetterOrDigit(c) && c != '_' && !(disposable && c == '-')) {
                return "yahoo-characters";
            }
        }
        if (disposable) {
            return null;
        }
        if (!isLetter(name.charAt(0))) {
            return "yahoo-first-character";
        }
        if (dots > 1) {
            return "yahoo-dots";
        }
        return end < 4 || end > 32 ? "yahoo-length" : null;
    }

    private Optional<Finding> finding(String provider, String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        Severity severity = switch (mode) {
            case STRICT -> Severity.ERROR;
            case STANDARD -> REASONS.get(reason) ? Severity.ERROR : Severity.WARNING;
            default -> Severity.WARNING;
        };
        return Optional.of(new Finding(FindingCode.PROVIDER_MAILBOX_RULE, severity,
                Map.of("provider", provider, "reason", reason)));
    }

    /** @return the end of the name in {@code local[0, end)} without its {@code +tag} */
    private static int withoutTag(String local, int end) {
        int plus = local.indexOf('+');
        return plus >= 0 && plus < end ? plus : end;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    @Override
    public int cost() {
        return COST;
    }

    @Override
    public String name() {
        return "provider-mailbox-rules";
    }
}
