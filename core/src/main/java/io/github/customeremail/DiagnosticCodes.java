package io.github.customeremail;

/**
 * Finds the SMTP reply code ({@code 550}) and the enhanced status code ({@code 5.1.1}, RFC 3463) in a mail
 * server's diagnostic text. A hand-written scan, no regular expression: diagnostics come from remote servers.
 */
final class DiagnosticCodes {

    private DiagnosticCodes() {
    }

    /** @return "reply status", either part alone, or empty */
    static String summary(String diagnostic) {
        String reply = replyCode(diagnostic);
        String status = enhancedStatus(diagnostic);
        if (reply.isEmpty()) {
            return status;
        }
        return status.isEmpty() ? reply : reply + ' ' + status;
    }

    /** @return the first three-digit token starting with 2, 4 or 5, or empty */
    static String replyCode(String s) {
        for (int i = 0; i + 3 <= s.length(); i++) {
            if (boundaryBefore(s, i) && isReplyDigit(s.charAt(i)) && isDigit(s, i + 1) && isDigit(s, i + 2)
                    && boundaryAfter(s, i + 3)) {
                return s.substring(i, i + 3);
            }
        }
        return "";
    }

    /** @return the first class.subject.detail token (class 2, 4 or 5; 1–3 digits each after), or empty */
    static String enhancedStatus(String s) {
        for (int i = 0; i + 5 <= s.length(); i++) {
            if (!boundaryBefore(s, i) || !isReplyDigit(s.charAt(i)) || s.charAt(i + 1) != '.') {
                continue;
            }
            int j = digits(s, i + 2);
            if (j == i + 2 || j - (i + 2) > 3 || j >= s.length() || s.charAt(j) != '.') {
                continue;
            }
            int k = digits(s, j + 1);
            if (k == j + 1 || k - (j + 1) > 3 || !boundaryAfter(s, k)) {
                continue;
            }
            return s.substring(i, k);
        }
        return "";
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s, i)) {
            i++;
        }
        return i;
    }

    private static boolean isReplyDigit(char c) {
        return c == '2' || c == '4' || c == '5';
    }

    private static boolean isDigit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static boolean boundaryBefore(String s, int i) {
        return i == 0 || !(Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.');
    }

    private static boolean boundaryAfter(String s, int end) {
        return end == s.length() || !(Character.isLetterOrDigit(s.charAt(end))
                || (s.charAt(end) == '.' && end + 1 < s.length() && Character.isDigit(s.charAt(end + 1))));
    }
}
