package io.github.customeremail.odoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How Odoo sees the {@code email} field, so the audit can tell where the project and Odoo disagree.
 *
 * <p>Odoo stores {@code email_normalized = email_normalize(email, strict=False)} (odoo/tools/mail.py, 17.0 to
 * 19.0): it takes the <em>first</em> of the addresses the field holds (split on commas, {@code Name <addr>}
 * unwrapped), lower-cases the local part only when it is ASCII, lower-cases the domain, and checks nothing
 * else (no TLD check, no repairs, an IDN domain stays in Unicode). The project's normalized address differs on
 * purpose: it repairs ({@code gmail,com} → {@code gmail.com}), applies NFKC, lower-cases a non-ASCII local part
 * too, and writes an IDN domain as A-labels. Equal inputs that both accept give the same address when the
 * address is plain ASCII.
 */
public final class OdooAddresses {

    private OdooAddresses() {
    }

    /**
     * The addresses a field holds, as Odoo's {@code email_split} finds them: comma-separated, {@code Name <addr>}
     * unwrapped, pieces without {@code @} dropped. Semicolons, which clerks also type, separate too.
     */
    public static List<String> addresses(String emailField) {
        List<String> found = new ArrayList<>();
        if (emailField == null) {
            return found;
        }
        StringBuilder piece = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < emailField.length(); i++) {
            char c = emailField.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>' && angle > 0) {
                angle--;
            }
            if (!quoted && angle == 0 && (c == ',' || c == ';')) {
                addAddress(found, piece.toString());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        addAddress(found, piece.toString());
        return found;
    }

    private static void addAddress(List<String> found, String piece) {
        String text = piece.strip();
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        if (open >= 0 && close > open) {
            text = text.substring(open + 1, close).strip();
        }
        if (text.indexOf('@') > 0) {
            found.add(text);
        }
    }

    /** @return whether the field holds more than one address (Odoo then keeps only the first) */
    public static boolean holdsSeveralAddresses(String emailField) {
        return addresses(emailField).size() > 1;
    }

    /**
     * Odoo's {@code email_normalize(field, strict=False)}: the first address, local part lower-cased only when
     * ASCII, domain lower-cased.
     */
    public static Optional<String> odooNormalize(String emailField) {
        List<String> found = addresses(emailField);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String address = found.get(0);
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        boolean ascii = local.chars().allMatch(c -> c < 0x80);
        return Optional.of((ascii ? local.toLowerCase(Locale.ROOT) : local) + "@" + domain);
    }

    /**
     * @param projectAddress the address the project would store for this partner (its normalized address)
     * @return whether Odoo's stored {@code email_normalized} differs from it (a missing one differs)
     */
    public static boolean storedNormalizedDiffers(OdooPartner partner, String projectAddress) {
        return !partner.emailNormalized().map(projectAddress::equals).orElse(false);
    }
}
