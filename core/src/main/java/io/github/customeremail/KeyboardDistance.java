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
 * <p>Inputs are short (domain names and their parts), so the quadratic table is cheap; only three of its rows are
 * kept, in one array allocated per call: this runs only for domains close to a known one (typos, mostly), never
 * for a known domain nor for one close to nothing.
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
    /** {@code NEAR[a * 128 + b]}: substituting ASCII {@code a} and {@code b} is a near slip (see substituteCost). */
    private static final boolean[] NEAR = new boolean[128 * 128];
    /** {@link #adjacent} of two ASCII characters, precomputed: insertCost asks it twice per typed character. */
    private static final boolean[] ADJACENT = new boolean[128 * 128];

    static {
        java.util.Arrays.fill(KEY_ROW, -1);
        for (int r = 0; r < ROWS.length; r++) {
            for (int i = 0; i < ROWS[r].length(); i++) {
                char c = ROWS[r].charAt(i);
                KEY_ROW[c] = r;
                KEY_X[c] = ROW_OFFSET[r] + i;
            }
        }
        for (char a = 0; a < 128; a++) {
            for (char b = 0; b < 128; b++) {
                ADJACENT[a * 128 + b] = adjacent(a, b);
                NEAR[a * 128 + b] = adjacent(a, b) || lookAlike(a, b);
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
        return distanceWithin(typed, known, Double.POSITIVE_INFINITY);
    }

    /**
     * The distance when it is at most {@code limit}, for callers that only compare it with a bound: the search
     * stops as soon as no alignment can stay within it.
     *
     * @return {@link #distance} when that is at most {@code limit}; otherwise some value above {@code limit}
     */
    static double distanceWithin(String typed, String known, double limit) {
        return distanceWithin(typed, known, limit, null);
    }

    /**
     * {@link #distanceWithin(String, String, double)} with a work table from the caller, so that one search of
     * many short distances allocates one table rather than one per distance (a third of a short one's cost).
     *
     * @param table at least {@code 4 * (known.length() + 1)} long, or else (or {@code null}) one is allocated
     */
    static double distanceWithin(String typed, String known, double limit, double[] table) {
        int n = typed.length();
        int m = known.length();
        // Each extra or missing character costs at least half an edit.
        double lengthBound = Math.min(DOUBLED_INSERT, DOUBLED_DELETE) * Math.abs(n - m);
        if (lengthBound > limit) {
            return lengthBound;
        }
        int w = m + 1;
        // Rows i - 2, i - 1 and i of the (n + 1) x (m + 1) table (rotated: the transposition looks two rows back),
        // then the cost of each known character missing, which does not depend on the row.
        double[] t = table != null && table.length >= 4 * w ? table : new double[4 * w];
        int missing = 3 * w;
        for (int j = 1; j <= m; j++) {
            t[missing + j] = deleteCost(known, j - 1);
        }
        int twoBack = 0;
        int previous = w;
        int current = 2 * w;
        t[previous] = 0.0; // every other cell read below is written first, so a reused table needs no clearing
        for (int j = 1; j <= m; j++) { // row 0
            t[previous + j] = t[previous + j - 1] + t[missing + j];
        }
        double previousMin = 0.0; // the smallest value of the previous row
        // (Minima below are written as comparisons: the values are never NaN nor -0.0, where Math.min differs.)
        char before = 0; // typed[i - 2]
        for (int i = 1; i <= n; i++) {
            char c = typed.charAt(i - 1);
            double insert = insertCost(typed, i - 1);
            t[current] = t[previous] + insert;
            double rowMin = t[current];
            char left = 0; // known[j - 2]
            for (int j = 1; j <= m; j++) {
                char k = known.charAt(j - 1);
                double best = t[previous + j - 1] + (c == k ? 0.0 : substituteCost(c, k));
                double other = t[previous + j] + insert;
                best = other < best ? other : best;
                other = t[current + j - 1] + t[missing + j];
                best = other < best ? other : best;
                if (c != k && c == left && before == k && i > 1 && j > 1) {
                    other = t[twoBack + j - 2] + TRANSPOSE;
                    best = other < best ? other : best;
                }
                t[current + j] = best;
                rowMin = best < rowMin ? best : rowMin;
                left = k;
            }
            before = c;
            // Costs are never negative and every alignment crosses this row or jumps over it from the previous one
            // (a transposition): its cost is at least the smaller of the two rows' minima.
            double bound = Math.min(rowMin, previousMin);
            if (bound > limit) {
                return bound;
            }
            previousMin = rowMin;
            int free = twoBack;
            twoBack = previous;
            previous = current;
            current = free;
        }
        return t[previous + m];
    }

    /**
     * The characters of a prepared distance ({@link Spelling}, {@link Typed}): those of LDH domain names and the dot
     * of suffixes, which is all the typo corrector compares.
     */
    private static final String PREPARED_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-.";
    /** {@code SYMBOLS[c]}: the position of ASCII {@code c} in {@link #PREPARED_CHARACTERS}, or -1. */
    private static final byte[] SYMBOLS = new byte[128];
    /** {@code NEAR_SYMBOLS[s]}: a bit per symbol whose substitution for symbol {@code s} is a near slip. */
    private static final long[] NEAR_SYMBOLS = new long[PREPARED_CHARACTERS.length()];
    /** The costs of an extra character {@link #insertCost} gives, by {@link Typed}'s code for each. */
    private static final double[] INSERTS = {INSERT, DOUBLED_INSERT, NEAR_INSERT};
    /** A substitution's cost by {@code equal << 1 | near}: no cost for the same character. */
    private static final double[] SUBSTITUTION = {SUBSTITUTE, NEAR_SUBSTITUTE, 0.0, 0.0};
    /** Longest prepared string: its positions are the bits of a long. */
    private static final int MAX_PREPARED = 63;

    static {
        java.util.Arrays.fill(SYMBOLS, (byte) -1);
        for (int s = 0; s < PREPARED_CHARACTERS.length(); s++) {
            SYMBOLS[PREPARED_CHARACTERS.charAt(s)] = (byte) s;
        }
        for (int s = 0; s < PREPARED_CHARACTERS.length(); s++) {
            for (int t = 0; t < PREPARED_CHARACTERS.length(); t++) {
                if (NEAR[PREPARED_CHARACTERS.charAt(s) * 128 + PREPARED_CHARACTERS.charAt(t)]) {
                    NEAR_SYMBOLS[s] |= 1L << t;
                }
            }
        }
    }

    /**
     * A known spelling prepared for many distances: per character, the positions where it stands and those where it
     * would be a near substitution (a bit each), and the costs of each character missing. The typo corrector
     * prepares the names and suffixes of its dictionary once. Immutable.
     */
    static final class Spelling {

        private final int length;
        private final long[] equal;
        private final long[] near;
        /** {@code deletes[j]}: the cost of {@code known[j - 1]} missing ({@code deletes[0]} is unused). */
        private final double[] deletes;
        /** Row 0 of the table: the cost of every known character up to {@code j} missing. */
        private final double[] firstRow;
        /** The cheapest missing character: each character too many in the known spelling costs at least this. */
        private final double cheapestDelete;

        private Spelling(String known) {
            int m = known.length();
            this.length = m;
            this.equal = new long[PREPARED_CHARACTERS.length()];
            this.near = new long[PREPARED_CHARACTERS.length()];
            this.deletes = new double[m + 1];
            this.firstRow = new double[m + 1];
            double cheapest = Double.POSITIVE_INFINITY;
            for (int j = 1; j <= m; j++) {
                int symbol = SYMBOLS[known.charAt(j - 1)];
                equal[symbol] |= 1L << (j - 1);
                for (int s = 0; s < near.length; s++) {
                    if ((NEAR_SYMBOLS[s] & (1L << symbol)) != 0) {
                        near[s] |= 1L << (j - 1);
                    }
                }
                deletes[j] = deleteCost(known, j - 1);
                firstRow[j] = firstRow[j - 1] + deletes[j]; // as distanceWithin sums row 0
                cheapest = Math.min(cheapest, deletes[j]);
            }
            this.cheapestDelete = cheapest;
        }

        /** @return the prepared spelling, or {@code null} when {@code known} has characters it does not prepare */
        static Spelling of(String known) {
            return preparable(known) ? new Spelling(known) : null;
        }
    }

    /** A typed string prepared for its distances to many known spellings. Immutable. */
    static final class Typed {

        private final byte[] symbols;
        /**
         * {@code INSERTS[inserts[i]]}: the cost of {@code typed[i]} being one too many (a byte each rather than a
         * double: a typed string is prepared once per search, and its eight bytes a character were most of it).
         */
        private final byte[] inserts;
        /** The cheapest extra character: each character too many in the typed string costs at least this. */
        private final double cheapestInsert;

        private Typed(String s, int from, int to) {
            int n = to - from;
            this.symbols = new byte[n];
            this.inserts = new byte[n];
            double cheapest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                symbols[i] = SYMBOLS[s.charAt(from + i)];
                double insert = insertCost(s, from, to, from + i);
                inserts[i] = (byte) (insert == DOUBLED_INSERT ? 1 : insert == NEAR_INSERT ? 2 : 0);
                cheapest = Math.min(cheapest, insert);
            }
            this.cheapestInsert = cheapest;
        }

        /** @return the prepared string, or {@code null} when {@code typed} has characters it does not prepare */
        static Typed of(String typed) {
            return of(typed, 0, typed.length());
        }

        /** @return {@link #of(String)} of {@code s[from, to)}, without that substring */
        static Typed of(String s, int from, int to) {
            return preparable(s, from, to) ? new Typed(s, from, to) : null;
        }
    }

    private static boolean preparable(String s) {
        return preparable(s, 0, s.length());
    }

    private static boolean preparable(String s, int from, int to) {
        if (to - from > MAX_PREPARED) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 128 || SYMBOLS[c] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #distanceWithin(String, String, double, double[])} of prepared strings, the same value to the last bit
     * (the same sums in the same order), in fewer steps: a substitution's cost is two bits of the spelling, a
     * transposition is found with a row's bits, and each character's cost is computed once per string rather than
     * once per distance; most distances above {@code limit} are known from a lower bound without the table. Above
     * {@code limit} the value is some value above it, at most the distance (up to rounding).
     *
     * @param table at least {@code 3 * (known length + 1)} long, or else (or {@code null}) one is allocated
     */
    static double distanceWithin(Typed typed, Spelling known, double limit, double[] table) {
        int n = typed.symbols.length;
        int m = known.length;
        double lengthBound = Math.min(DOUBLED_INSERT, DOUBLED_DELETE) * Math.abs(n - m);
        if (lengthBound > limit) {
            return lengthBound;
        }
        // A lower bound from the longest common subsequence (bit-parallel, one step per typed character): an
        // alignment's equal characters, with one of each swapped pair, are a common subsequence, so at least
        // n - common typed and m - common known characters are substituted, swapped or extra. A substitution or
        // swap (0.6 at least) settles one of each side; the |n - m| left over are extra characters of the longer
        // side, each at least its cheapest. A small slack keeps this product, summed otherwise by the table, from
        // deciding a value at the limit.
        long v = -1L;
        for (int i = 0; i < n; i++) {
            long u = v & known.equal[typed.symbols[i]];
            v = (v + u) | (v - u);
        }
        int common = Long.bitCount(~v & ((1L << m) - 1));
        double subsequenceBound = NEAR_SUBSTITUTE * Math.min(n - common, m - common)
                + (n > m ? (n - m) * typed.cheapestInsert : (m - n) * known.cheapestDelete);
        if (subsequenceBound > limit + 1e-9) {
            return subsequenceBound;
        }
        // Only the diagonal band an alignment within the limit can cross is computed (Ukkonen): a cell on diagonal
        // d = j - i is reached with at least |d| extra or missing characters and left with |m - n - d| more, each
        // costing at least half an edit. The cells just outside the band are read as infinite.
        int lengthChange = m - n;
        int steps = (int) Math.min(Math.floor(2 * limit + 1e-9), (double) (m + n));
        int spare = (steps - Math.abs(lengthChange)) / 2;
        int lowestDiagonal = Math.min(0, lengthChange) - spare;
        int highestDiagonal = Math.max(0, lengthChange) + spare;
        int w = m + 1;
        double[] t = table != null && table.length >= 3 * w ? table : new double[3 * w];
        int twoBack = 0;
        int previous = w;
        int current = 2 * w;
        System.arraycopy(known.firstRow, 0, t, previous, w);
        double[] deletes = known.deletes;
        double previousMin = 0.0;
        long previousEqual = 0; // positions of typed[i - 2] in the known spelling
        for (int i = 1; i <= n; i++) {
            int c = typed.symbols[i - 1];
            long equal = known.equal[c];
            long near = known.near[c];
            // bit j - 1: known[j - 2] is c, and known[j - 1] is typed[i - 2] but not c (the swap of distanceWithin)
            long swaps = (equal << 1) & previousEqual & ~equal;
            double insert = INSERTS[typed.inserts[i - 1]];
            t[current] = t[previous] + insert;
            double rowMin = t[current];
            int from = Math.max(1, i + lowestDiagonal);
            int to = Math.min(m, i + highestDiagonal);
            if (from > 1) {
                t[current + from - 1] = Double.POSITIVE_INFINITY;
            }
            if (to < m) {
                t[current + to + 1] = Double.POSITIVE_INFINITY; // the next row's band reaches one further right
            }
            for (int j = from; j <= to; j++) {
                int bit = j - 1;
                double best = t[previous + j - 1]
                        + SUBSTITUTION[(int) ((equal >>> bit) & 1) << 1 | (int) ((near >>> bit) & 1)];
                double other = t[previous + j] + insert;
                best = other < best ? other : best;
                other = t[current + j - 1] + deletes[j];
                best = other < best ? other : best;
                if (((swaps >>> bit) & 1) != 0) {
                    other = t[twoBack + j - 2] + TRANSPOSE;
                    best = other < best ? other : best;
                }
                t[current + j] = best;
                rowMin = best < rowMin ? best : rowMin;
            }
            previousEqual = equal;
            if (rowMin > limit && previousMin > limit) {
                // Every alignment within the limit would cross one of the two rows below it. The band's values are
                // of alignments within it only, so they bound nothing above the limit: the limit itself does.
                return Math.nextUp(limit);
            }
            previousMin = rowMin;
            int free = twoBack;
            twoBack = previous;
            previous = current;
            current = free;
        }
        double distance = t[previous + m];
        return distance > limit ? Math.nextUp(limit) : distance;
    }

    /** Cost of the extra typed character {@code typed[i]}. */
    private static double insertCost(String typed, int i) {
        return insertCost(typed, 0, typed.length(), i);
    }

    /** Cost of the extra typed character {@code s[i]} of the typed string {@code s[from, to)}. */
    private static double insertCost(String s, int from, int to, int i) {
        char c = s.charAt(i);
        double cost = INSERT;
        if ((i > from && s.charAt(i - 1) == c) || (i + 1 < to && s.charAt(i + 1) == c)) {
            return Math.min(cost, DOUBLED_INSERT);
        }
        if ((i > from && adjacentKeys(s.charAt(i - 1), c))
                || (i + 1 < to && adjacentKeys(s.charAt(i + 1), c))) {
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
        if (a < 128 && b < 128) {
            return NEAR[a * 128 + b] ? NEAR_SUBSTITUTE : SUBSTITUTE; // the same test, precomputed
        }
        return adjacent(a, b) || lookAlike(a, b) ? NEAR_SUBSTITUTE : SUBSTITUTE;
    }

    /** Neighbouring keys on a QWERTY keyboard (also the layout's letters on Spanish and Latin American keyboards). */
    private static boolean adjacentKeys(char a, char b) {
        return a < 128 && b < 128 ? ADJACENT[a * 128 + b] : adjacent(a, b);
    }

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
