package io.github.customeremail;

/**
 * A weighted Damerau–Levenshtein distance (optimal string alignment: each transposition of two neighbouring
 * characters is one edit) whose costs follow how people mistype on a keyboard, so that likely slips are cheaper
 * than arbitrary changes:
 *
 * <ul>
 *   <li>substitution 1.0, or 0.6 for a neighbouring key on QWERTY ({@code gnail}) or a look-alike digit
 *       ({@code yah0o}, {@code 1} for {@code l});</li>
 *   <li>transposition 0.8 ({@code gmial});</li>
 *   <li>an extra typed character 1.0, 0.5 when it doubles its neighbour ({@code gmaill}), 0.6 when its key is next
 *       to a neighbour's ({@code gmaqil});</li>
 *   <li>a missing character 1.0, 0.5 when it is one of a doubled pair ({@code yaho}), 1.2 for the very first
 *       character (rarely dropped, and dropping it often yields another real name: {@code cloud} for
 *       {@code icloud}).</li>
 * </ul>
 *
 * <p>Suffixes have their own, cheaper rules for endings cut short or run on; see {@link TypoCorrector}.
 *
 * <p>Inputs are short (domain names and their parts), so the quadratic table is cheap; it is allocated per call
 * because this runs only for domains that are not known (the common path never gets here).
 */
final class KeyboardDistance {

    static final double SUBSTITUTE = 1.0;
    static final double NEAR_SUBSTITUTE = 0.6;
    static final double TRANSPOSE = 0.8;
    static final double INSERT = 1.0;
    static final double DOUBLED_INSERT = 0.5;
    static final double NEAR_INSERT = 0.6;
    static final double DELETE = 1.0;
    static final double DOUBLED_DELETE = 0.5;
    static final double FIRST_DELETE = 1.2;

    private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    /** Horizontal offset of each keyboard row, in key widths, as on a real staggered keyboard. */
    private static final double[] ROW_OFFSET = {0.0, 0.5, 0.75, 1.25};
    private static final double[] KEY_X = new double[128];
    private static final int[] KEY_ROW = new int[128];

    static {
        java.util.Arrays.fill(KEY_ROW, -1);
        for (int r = 0; r < ROWS.length; r++) {
            for (int i = 0; i < ROWS[r].length(); i++) {
                char c = ROWS[r].charAt(i);
                KEY_ROW[c] = r;
                KEY_X[c] = ROW_OFFSET[r] + i;
            }
        }
    }

    private KeyboardDistance() {
    }

    /**
     * @param typed what was typed
     * @param known the known spelling
     * @return the cost of turning {@code known} into {@code typed}
     */
    static double distance(String typed, String known) {
        int n = typed.length();
        int m = known.length();
        double[][] d = new double[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            d[i][0] = d[i - 1][0] + insertCost(typed, i - 1);
        }
        for (int j = 1; j <= m; j++) {
            d[0][j] = d[0][j - 1] + deleteCost(known, j - 1);
        }
        for (int i = 1; i <= n; i++) {
            char t = typed.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char k = known.charAt(j - 1);
                double best = d[i - 1][j - 1] + (t == k ? 0.0 : substituteCost(t, k));
                best = Math.min(best, d[i - 1][j] + insertCost(typed, i - 1));
                best = Math.min(best, d[i][j - 1] + deleteCost(known, j - 1));
                if (i > 1 && j > 1 && t == known.charAt(j - 2) && typed.charAt(i - 2) == k && t != k) {
                    best = Math.min(best, d[i - 2][j - 2] + TRANSPOSE);
                }
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    /** Cost of the extra typed character {@code typed[i]}. */
    private static double insertCost(String typed, int i) {
        char c = typed.charAt(i);
        double cost = INSERT;
        if ((i > 0 && typed.charAt(i - 1) == c) || (i + 1 < typed.length() && typed.charAt(i + 1) == c)) {
            return Math.min(cost, DOUBLED_INSERT);
        }
        if ((i > 0 && adjacent(typed.charAt(i - 1), c)) || (i + 1 < typed.length() && adjacent(typed.charAt(i + 1), c))) {
            return Math.min(cost, NEAR_INSERT);
        }
        return cost;
    }

    /** Cost of the known character {@code known[j]} missing. */
    private static double deleteCost(String known, int j) {
        char c = known.charAt(j);
        double cost = j == 0 ? FIRST_DELETE : DELETE;
        if ((j > 0 && known.charAt(j - 1) == c) || (j + 1 < known.length() && known.charAt(j + 1) == c)) {
            cost = DOUBLED_DELETE;
        }
        return cost;
    }

    private static double substituteCost(char a, char b) {
        return adjacent(a, b) || lookAlike(a, b) ? NEAR_SUBSTITUTE : SUBSTITUTE;
    }

    /** Neighbouring keys on a QWERTY keyboard (also the layout's letters on Spanish and Latin American keyboards). */
    static boolean adjacent(char a, char b) {
        if (a >= 128 || b >= 128 || KEY_ROW[a] < 0 || KEY_ROW[b] < 0 || a == b) {
            return false;
        }
        int dy = Math.abs(KEY_ROW[a] - KEY_ROW[b]);
        double dx = Math.abs(KEY_X[a] - KEY_X[b]);
        return (dy == 0 && dx <= 1.0) || (dy == 1 && dx <= 0.75);
    }

    private static boolean lookAlike(char a, char b) {
        return pair(a, b, '0', 'o') || pair(a, b, '1', 'l') || pair(a, b, '1', 'i');
    }

    private static boolean pair(char a, char b, char x, char y) {
        return (a == x && b == y) || (a == y && b == x);
    }
}
