package io.github.customeremail;

/**
 * Punycode (RFC 3492), the encoding of A-labels after their {@code xn--} prefix. {@link java.net.IDN} has it only
 * behind IDNA 2003's own mapping, which would undo the UTS #46 one. Stateless.
 */
final class Punycode {

    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;
    /** A DNS label is at most 63 octets: nothing longer is worth decoding, and it bounds the arithmetic. */
    private static final int MAX_INPUT = 63;

    private Punycode() {
    }

    /**
     * @param label a label of code points (no surrogate halves)
     * @return its Punycode, lower-case, without the {@code xn--} prefix; {@code null} on overflow
     */
    static String encode(String label) {
        int[] cps = label.codePoints().toArray();
        StringBuilder out = new StringBuilder(label.length() + 8);
        for (int cp : cps) {
            if (cp < 0x80) {
                out.append((char) cp);
            }
        }
        int basic = out.length();
        int handled = basic;
        if (basic > 0) {
            out.append('-');
        }
        int n = INITIAL_N;
        int bias = INITIAL_BIAS;
        long delta = 0;
        while (handled < cps.length) {
            int m = Integer.MAX_VALUE;
            for (int cp : cps) {
                if (cp >= n && cp < m) {
                    m = cp;
                }
            }
            delta += (long) (m - n) * (handled + 1);
            if (delta > Integer.MAX_VALUE) {
                return null;
            }
            n = m;
            for (int cp : cps) {
                if (cp < n) {
                    delta++;
                } else if (cp == n) {
                    long q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
                        if (q < t) {
                            break;
                        }
                        out.append(digit((int) (t + (q - t) % (BASE - t))));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digit((int) q));
                    bias = adapt((int) delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    /**
     * @param encoded the part of an A-label after {@code xn--}, lower-case
     * @return the decoded label, or {@code null} if it is not valid Punycode
     */
    static String decode(String encoded) {
        if (encoded.length() > MAX_INPUT) {
            return null;
        }
        int dash = encoded.lastIndexOf('-');
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < Math.max(dash, 0); i++) {
            char c = encoded.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            out.append(c);
        }
        int[] cps = out.codePoints().toArray();
        int length = cps.length;
        int[] result = java.util.Arrays.copyOf(cps, MAX_INPUT * 2);
        long n = INITIAL_N;
        int bias = INITIAL_BIAS;
        long i = 0;
        for (int in = dash > 0 ? dash + 1 : 0; in < encoded.length(); ) {
            long oldI = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                if (in >= encoded.length()) {
                    return null;
                }
                int d = value(encoded.charAt(in++));
                if (d < 0) {
                    return null;
                }
                i += d * w;
                int t = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
                if (i > Integer.MAX_VALUE) {
                    return null;
                }
                if (d < t) {
                    break;
                }
                w *= BASE - t;
                if (w > Integer.MAX_VALUE) {
                    return null;
                }
            }
            bias = adapt((int) (i - oldI), length + 1, oldI == 0);
            n += i / (length + 1);
            i %= length + 1;
            if (n > Character.MAX_CODE_POINT || (n >= 0xD800 && n <= 0xDFFF) || length == result.length) {
                return null;
            }
            System.arraycopy(result, (int) i, result, (int) i + 1, length - (int) i);
            result[(int) i++] = (int) n;
            length++;
        }
        return new String(result, 0, length);
    }

    private static int adapt(int delta, int points, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((BASE - T_MIN) * T_MAX) / 2) {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        return k + (BASE - T_MIN + 1) * delta / (delta + SKEW);
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }

    private static int value(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        return c >= 'A' && c <= 'Z' ? c - 'A' : -1;
    }
}
