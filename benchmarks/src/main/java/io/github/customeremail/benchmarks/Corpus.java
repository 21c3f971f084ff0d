package io.github.customeremail.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic corpus of customer email addresses as clerks type them, for the benchmarks and the acceptance
 * comparison. Generated (never downloaded): {@link Random} with the fixed {@link #SEED}, whose sequence the Java
 * specification pins down, so every run on every JDK sees the same {@value #SIZE} addresses in the same order.
 *
 * <p>Four categories in fixed numbers (so that benchmarks over one category can declare a constant operation count):
 * <ul>
 *   <li>{@link Category#VALID} — clean, deliverable-looking customer addresses: big providers weighted by their share
 *       in Latin America and Spain, regional ISPs, and company domains under .com.co, .com.mx, .com.ar, .cl, .pe,
 *       .es, …; a few internationalized domains;</li>
 *   <li>{@link Category#TYPO} — a popular provider's domain mistyped (gmial.com, hotmail.con, gmail.com.co, gmailcom);
 *       some are still syntactically valid, some are not;</li>
 *   <li>{@link Category#REPAIR} — a valid address with what the normalizer repairs: upper case, surrounding or inner
 *       spaces, comma for a dot in the domain, {@code mailto:}, {@code Name <addr>}, trailing {@code ;}, quotes,
 *       repeated dots in the domain, invisible characters, fullwidth {@code ＠};</li>
 *   <li>{@link Category#INVALID} — cannot be a customer's mailbox: no {@code @}, two {@code @}, a space or a double
 *       dot in the local part, no TLD or an unknown one, placeholders ("no tiene", "n/a"), phone numbers, quoted
 *       local parts, IP literals, control characters.</li>
 * </ul>
 * The list is shuffled with the same seed so that the categories interleave as they do in a real export.
 */
public final class Corpus {

    /** The seed of the generator. Changing it changes every published number: don't. */
    public static final long SEED = 20_260_508L;

    /** Clean addresses. */
    public static final int VALID_COUNT = 7_000;
    /** Mistyped provider domains. */
    public static final int TYPO_COUNT = 1_000;
    /** Addresses that need a safe repair. */
    public static final int REPAIR_COUNT = 1_200;
    /** Addresses that cannot be repaired. */
    public static final int INVALID_COUNT = 800;
    /** All addresses; a compile-time constant for {@code @OperationsPerInvocation}. */
    public static final int SIZE = VALID_COUNT + TYPO_COUNT + REPAIR_COUNT + INVALID_COUNT;
    /** Corpora of other seeds in {@link #longTailInputs()}. */
    public static final int LONG_TAIL_COPIES = 5;
    /** Addresses of {@link #longTailInputs()}; a compile-time constant for {@code @OperationsPerInvocation}. */
    public static final int LONG_TAIL_SIZE = LONG_TAIL_COPIES * SIZE;

    /** What an address is meant to exercise. */
    public enum Category { VALID, TYPO, REPAIR, INVALID }

    /**
     * One address of the corpus.
     *
     * @param input    the text as a clerk typed it
     * @param category what it is meant to exercise
     */
    public record Entry(String input, Category category) {
    }

    private Corpus() {
    }

    /** @return the whole corpus, shuffled, always the same */
    public static List<Entry> entries() {
        return Holder.ENTRIES;
    }

    /** @return a fresh array of every input, in corpus order */
    public static String[] inputs() {
        return Holder.ENTRIES.stream().map(Entry::input).toArray(String[]::new);
    }

    /**
     * @param category a category
     * @return a fresh array of that category's inputs, in corpus order
     */
    public static String[] inputs(Category category) {
        return Holder.ENTRIES.stream().filter(e -> e.category() == category).map(Entry::input).toArray(String[]::new);
    }

    /**
     * A corpus where no mistyped domain and no company domain repeats: {@value #LONG_TAIL_COPIES} corpora of other
     * seeds (same categories and proportions), with each TYPO domain given more random slips and each company
     * domain of a VALID address a number, until neither was seen before. The regular corpus repeats its 38
     * mistyped domains, as real lists repeat their common slips; this one measures the typo corrector's search on
     * every unknown domain, as on a list of one-off domains. Its {@value #LONG_TAIL_SIZE} addresses hold more
     * distinct unknown domains than the corrector remembers, so that looping over them does not turn it into a
     * lookup.
     *
     * @return a fresh array of the inputs, always the same
     */
    public static String[] longTailInputs() {
        Random slips = new Random(SEED + LONG_TAIL_COPIES + 1);
        Set<String> seen = new HashSet<>();
        Set<String> providers = Set.of(PROVIDERS);
        List<String> out = new ArrayList<>(LONG_TAIL_SIZE);
        for (int copy = 1; copy <= LONG_TAIL_COPIES; copy++) {
            for (Entry e : generate(SEED + copy)) {
                String input = e.input();
                int at = input.lastIndexOf('@');
                String domain = at < 0 ? "" : input.substring(at + 1);
                if (e.category() == Category.TYPO) {
                    String typed = domain;
                    while (!seen.add(typed) || providers.contains(typed)) {
                        typed = slip(slips, typed); // slips pile up: a domain has only so many one-slip variants
                    }
                    input = input.substring(0, at + 1) + typed;
                } else if (e.category() == Category.VALID && !providers.contains(domain)
                        && domain.chars().allMatch(c -> c < 0x80) && !seen.add(domain)) {
                    int dot = domain.indexOf('.');
                    String unique = domain;
                    for (int n = 2; !seen.add(unique); n++) {
                        unique = domain.substring(0, dot) + n + domain.substring(dot);
                    }
                    input = input.substring(0, at + 1) + unique;
                }
                out.add(input);
            }
        }
        return out.toArray(String[]::new);
    }

    /**
     * @param count how many
     * @return addresses at {@code count} distinct mistyped provider domains (one to a few random slips each, never
     *         a provider's own domain), always the same
     */
    public static String[] distinctTypoAddresses(int count) {
        Random r = new Random(SEED + 101);
        Set<String> seen = new HashSet<>(Arrays.asList(PROVIDERS));
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            String domain = weighted(r, PROVIDERS, PROVIDER_WEIGHTS);
            String typed = slip(r, domain);
            while (!seen.add(typed)) {
                typed = slip(r, typed);
            }
            out[i] = personalLocalPart(r) + '@' + typed;
        }
        return out;
    }

    /**
     * @param count how many
     * @return addresses at {@code count} distinct company domains, always the same
     */
    public static String[] distinctCompanyAddresses(int count) {
        Random r = new Random(SEED + 102);
        Set<String> seen = new HashSet<>();
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            String base = companyDomain(r);
            int dot = base.indexOf('.');
            String domain = base;
            for (int n = 2; !seen.add(domain); n++) {
                domain = base.substring(0, dot) + n + base.substring(dot);
            }
            out[i] = corporateLocalPart(r) + '@' + domain;
        }
        return out;
    }

    /** One random slip: a letter dropped, doubled, swapped with the next or replaced by a random one. */
    private static String slip(Random r, String domain) {
        StringBuilder s = new StringBuilder(domain);
        int i = r.nextInt(s.length() - 1);
        switch (r.nextInt(4)) {
            case 0 -> s.deleteCharAt(i);
            case 1 -> s.insert(i, s.charAt(i));
            case 2 -> {
                char c = s.charAt(i);
                s.setCharAt(i, s.charAt(i + 1));
                s.setCharAt(i + 1, c);
            }
            default -> s.setCharAt(i, (char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    /**
     * Prints the corpus as TSV (category, input with control characters escaped), for inspection; with
     * {@code --long-tail}, the inputs of {@link #longTailInputs()}, one per line, escaped alike.
     */
    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        if (args.length > 0 && args[0].equals("--long-tail")) {
            for (String input : longTailInputs()) {
                out.append(escape(input)).append('\n');
            }
        } else {
            for (Entry e : Holder.ENTRIES) {
                out.append(e.category()).append('\t').append(escape(e.input())).append('\n');
            }
        }
        System.out.print(out);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && !Character.isLetterOrDigit(c))) {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Generation

    private static final String[] FIRST = {
        "juan", "maria", "jose", "luis", "carlos", "ana", "jorge", "laura", "andres", "diana", "camila", "sofia",
        "valentina", "santiago", "sebastian", "daniela", "alejandro", "fernanda", "miguel", "paula", "javier",
        "lucia", "pedro", "carmen", "ricardo", "isabel", "diego", "natalia", "felipe", "gabriela", "manuel", "rosa",
        "oscar", "patricia", "raul", "monica", "victor", "claudia", "hector", "adriana", "francisco", "elena",
        "fernando", "marta", "pablo", "silvia", "sergio", "beatriz", "alberto", "veronica", "ramon", "lorena",
        "mauricio", "carolina", "julian", "angela", "cristian", "tatiana", "esteban", "ximena", "ignacio", "pilar",
        "gonzalo", "mercedes", "rodrigo", "nicolas", "emilia", "matias", "martina", "tomas", "agustina", "joaquin",
    };

    private static final String[] LAST = {
        "garcia", "rodriguez", "martinez", "lopez", "gonzalez", "hernandez", "perez", "sanchez", "ramirez",
        "torres", "flores", "rivera", "gomez", "diaz", "cruz", "morales", "reyes", "gutierrez", "ortiz", "chavez",
        "ruiz", "jimenez", "mendoza", "alvarez", "castillo", "romero", "herrera", "medina", "aguilar", "vargas",
        "castro", "fernandez", "moreno", "munoz", "rojas", "silva", "suarez", "vasquez", "navarro", "molina",
        "ortega", "delgado", "cardenas", "restrepo", "osorio", "quintero", "salazar", "arango", "zapata", "mejia",
        "cortes", "pineda", "acosta", "bermudez", "cabrera", "valencia", "paredes", "figueroa", "soto", "contreras",
        "espinoza", "campos", "fuentes", "carrasco", "sepulveda", "quispe", "mamani", "huaman", "villalobos",
    };

    /** Providers and their rough share of customer addresses in Latin America and Spain (weights, not percent). */
    private static final String[] PROVIDERS = {
        "gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "hotmail.es", "outlook.es", "yahoo.es",
        "yahoo.com.mx", "yahoo.com.ar", "hotmail.com.ar", "live.com", "live.com.mx", "icloud.com", "msn.com",
        "prodigy.net.mx", "une.net.co", "telefonica.net", "gmx.es", "protonmail.com", "outlook.com.ar",
        "hotmail.cl", "yahoo.com.co", "me.com", "aol.com", "terra.com.br", "speedy.com.ar", "movistar.cl",
    };
    private static final int[] PROVIDER_WEIGHTS = {
        380, 160, 60, 50, 30, 25, 15, 20, 8, 15, 20, 6, 30, 8, 8, 8, 6, 4, 6, 4, 5, 5, 4, 3, 3, 3, 3,
    };

    private static final String[] COMPANY_WORDS_1 = {
        "distribuidora", "ferreteria", "grupo", "inversiones", "comercial", "agro", "constructora", "logistica",
        "textiles", "alimentos", "transportes", "servicios", "importadora", "farmacia", "clinica", "colegio",
        "talleres", "muebles", "panaderia", "ingenieria", "consultores", "seguros", "tecno", "industrias",
    };
    private static final String[] COMPANY_WORDS_2 = {
        "andina", "delvalle", "pacifico", "norte", "sol", "lamontana", "sanjose", "elcafetal", "central",
        "atlantico", "sur", "monterrey", "lapaz", "losandes", "caribe", "santafe", "bolivar", "patagonia",
        "iberica", "mediterraneo", "aurora", "estrella", "condor", "cordillera",
    };
    private static final String[] COMPANY_SUFFIXES = {
        ".com.co", ".com.mx", ".com.ar", ".cl", ".pe", ".es", ".com", ".co", ".mx", ".com.pe", ".com.ec",
        ".com.uy", ".net", ".org", ".edu.co", ".gov.co", ".com.ve", ".com.bo", ".com.py", ".cat",
    };
    private static final String[] ROLES = {
        "ventas", "facturacion", "contabilidad", "compras", "info", "gerencia", "tesoreria", "pagos", "admin",
        "cartera", "recepcion", "contacto",
    };
    private static final String[] IDN_DOMAINS = {
        "españa-ventas.es", "ñandú.com.ar", "peñalolén.cl", "logística-andina.com.co", "cafédelvalle.com",
    };

    /** Mistyped provider domains, each with what was meant (the meaning is for readers; the benchmark ignores it). */
    private static final String[][] TYPOS = {
        {"gmial.com", "gmail.com"}, {"gmai.com", "gmail.com"}, {"gmal.com", "gmail.com"}, {"gamil.com", "gmail.com"},
        {"gnail.com", "gmail.com"}, {"gmail.co", "gmail.com"}, {"gmail.con", "gmail.com"}, {"gmail.cm", "gmail.com"},
        {"gmail.om", "gmail.com"}, {"gmail.comm", "gmail.com"}, {"gmail.com.co", "gmail.com"},
        {"gmail.com.mx", "gmail.com"}, {"gmailcom", "gmail.com"}, {"gmail", "gmail.com"}, {"gmaill.com", "gmail.com"},
        {"hotmial.com", "hotmail.com"}, {"hotmal.com", "hotmail.com"}, {"hotmail.con", "hotmail.com"},
        {"hotmail.co", "hotmail.com"}, {"hotamil.com", "hotmail.com"}, {"homtail.com", "hotmail.com"},
        {"hotmail.com.co", "hotmail.com"}, {"hotmial.es", "hotmail.es"}, {"hormail.com", "hotmail.com"},
        {"outlok.com", "outlook.com"}, {"outllok.com", "outlook.com"}, {"outlook.con", "outlook.com"},
        {"outlook.co", "outlook.com"}, {"outlok.es", "outlook.es"}, {"yaho.com", "yahoo.com"},
        {"yahooo.com", "yahoo.com"}, {"yahoo.con", "yahoo.com"}, {"yahoo.com.mz", "yahoo.com.mx"},
        {"yhoo.es", "yahoo.es"}, {"iclod.com", "icloud.com"}, {"icloud.co", "icloud.com"}, {"live.con", "live.com"},
        {"hotmai.com", "hotmail.com"},
    };
    private static final int[] TYPO_WEIGHTS = {
        12, 8, 6, 6, 3, 8, 8, 3, 2, 3, 5, 2, 3, 2, 2, 6, 5, 6, 5, 3, 2, 3, 2, 2, 3, 2, 2, 2, 1, 3, 2, 2, 1, 1, 1,
        1, 1, 1,
    };

    private enum Repair {
        UPPER, CAPITALIZED, TRIM, COMMA_DOT, MAILTO, DISPLAY_NAME, TRAILING_SEMICOLON, SPACES_AT, DOUBLE_DOT,
        QUOTES, ZERO_WIDTH, FULLWIDTH_AT, NBSP, TRAILING_DOT
    }
    private static final int[] REPAIR_WEIGHTS = {20, 25, 25, 12, 4, 6, 6, 8, 3, 2, 2, 1, 2, 3};

    /** Holds the generated corpus; initialized after the word tables above, on first use. */
    private static final class Holder {
        static final List<Entry> ENTRIES = Collections.unmodifiableList(generate(SEED));
    }

    private static List<Entry> generate(long seed) {
        if (PROVIDERS.length != PROVIDER_WEIGHTS.length || TYPOS.length != TYPO_WEIGHTS.length
                || Repair.values().length != REPAIR_WEIGHTS.length) {
            throw new AssertionError("a weight table does not match its values");
        }
        Random r = new Random(seed);
        List<Entry> out = new ArrayList<>(SIZE);
        for (int i = 0; i < VALID_COUNT; i++) {
            out.add(new Entry(validAddress(r), Category.VALID));
        }
        for (int i = 0; i < TYPO_COUNT; i++) {
            out.add(new Entry(typo(r), Category.TYPO));
        }
        for (int i = 0; i < REPAIR_COUNT; i++) {
            out.add(new Entry(repair(r), Category.REPAIR));
        }
        for (int i = 0; i < INVALID_COUNT; i++) {
            out.add(new Entry(invalid(r), Category.INVALID));
        }
        Collections.shuffle(out, r);
        return out;
    }

    private static String validAddress(Random r) {
        int kind = r.nextInt(1000);
        if (kind < 800) {
            return providerAddress(r);
        } else if (kind < 995) {
            String domain = companyDomain(r);
            String local = r.nextInt(3) == 0 ? pick(r, ROLES) : corporateLocalPart(r);
            return local + '@' + domain;
        } else {
            return corporateLocalPart(r) + '@' + pick(r, IDN_DOMAINS);
        }
    }

    /** A personal address at a provider, with a mailbox name that the provider's published sign-up rules allow. */
    private static String providerAddress(Random r) {
        String domain = weighted(r, PROVIDERS, PROVIDER_WEIGHTS);
        return providerLocalPart(r, domain) + '@' + domain;
    }

    private static String providerLocalPart(Random r, String domain) {
        while (true) {
            String local = personalLocalPart(r);
            if (allowedByProvider(local, domain)) {
                return local;
            }
        }
    }

    /**
     * The providers' own sign-up rules (Google: letters, digits, dots, 6–30 characters, +tag delivered; Yahoo: starts
     * with a letter, letters, digits, underscore, at most one dot, no +tag; Microsoft: starts with a letter, letters,
     * digits, dot, hyphen, underscore), so that the VALID category holds only mailboxes that can exist.
     */
    static boolean allowedByProvider(String local, String domain) {
        int plus = local.indexOf('+');
        String name = plus >= 0 ? local.substring(0, plus) : local;
        if (domain.equals("gmail.com")) {
            return name.chars().allMatch(c -> c == '.' || Character.isLetterOrDigit(c))
                    && name.replace(".", "").length() >= 6 && name.replace(".", "").length() <= 30;
        } else if (domain.startsWith("yahoo.")) {
            return plus < 0 && Character.isLetter(name.charAt(0)) && name.indexOf('-') < 0
                    && name.indexOf('.') == name.lastIndexOf('.') && name.length() >= 4 && name.length() <= 32;
        } else if (domain.startsWith("hotmail.") || domain.startsWith("outlook.") || domain.startsWith("live.")
                || domain.equals("msn.com")) {
            return Character.isLetter(name.charAt(0));
        }
        return true;
    }

    private static String personalLocalPart(Random r) {
        String f = pick(r, FIRST);
        String l = pick(r, LAST);
        return switch (r.nextInt(12)) {
            case 0, 1, 2 -> f + '.' + l;
            case 3 -> f + l;
            case 4 -> f + '_' + l;
            case 5 -> f.charAt(0) + l;
            case 6 -> f + '.' + l + (10 + r.nextInt(90));
            case 7 -> f + l + (1960 + r.nextInt(46));
            case 8 -> f + '.' + l + '.' + pick(r, LAST);
            case 9 -> f + l.charAt(0) + (r.nextInt(999) + 1);
            case 10 -> f + '.' + l + "+facturas";
            default -> f + '-' + pick(r, FIRST) + '.' + l;
        };
    }

    private static String corporateLocalPart(Random r) {
        String f = pick(r, FIRST);
        String l = pick(r, LAST);
        return switch (r.nextInt(3)) {
            case 0 -> f + '.' + l;
            case 1 -> f.charAt(0) + l;
            default -> f.charAt(0) + "." + l;
        };
    }

    private static String companyDomain(Random r) {
        String a = pick(r, COMPANY_WORDS_1);
        String b = pick(r, COMPANY_WORDS_2);
        String name = switch (r.nextInt(4)) {
            case 0 -> a + '-' + b;
            case 1 -> b + (r.nextInt(90) + 10);
            default -> a + b;
        };
        return name + pick(r, COMPANY_SUFFIXES);
    }

    private static String typo(Random r) {
        String[] typo = weighted(r, TYPOS, TYPO_WEIGHTS);
        return providerLocalPart(r, typo[1]) + '@' + typo[0];
    }

    private static String repair(Random r) {
        String address = r.nextInt(5) == 0
                ? corporateLocalPart(r) + '@' + companyDomain(r)
                : providerAddress(r);
        int at = address.indexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        Repair repair = Repair.values()[weightedIndex(r, REPAIR_WEIGHTS)];
        String s = switch (repair) {
            case UPPER -> address.toUpperCase(Locale.ROOT);
            case CAPITALIZED -> capitalize(local) + '@' + capitalize(domain);
            case TRIM -> pick(r, new String[] {" ", "  ", "\t", " \t"}) + address + pick(r, new String[] {" ", "", "  "});
            case COMMA_DOT -> local + '@' + domain.replaceFirst("\\.", ",");
            case MAILTO -> "mailto:" + address;
            case DISPLAY_NAME -> capitalize(pick(r, FIRST)) + ' ' + capitalize(pick(r, LAST)) + " <" + address + '>';
            case TRAILING_SEMICOLON -> address + pick(r, new String[] {";", ",", ";;"});
            case SPACES_AT -> local + pick(r, new String[] {" @", "@ ", " @ "}) + domain;
            case DOUBLE_DOT -> local + '@' + domain.replaceFirst("\\.", "..");
            case QUOTES -> '"' + address + '"';
            case ZERO_WIDTH -> local + "\u200B@" + domain;
            case FULLWIDTH_AT -> local + '\uFF20' + domain;
            case NBSP -> "\u00A0" + address;
            case TRAILING_DOT -> address + '.';
        };
        // A third of them get a second, independent slip: upper case on top.
        return r.nextInt(3) == 0 && repair != Repair.UPPER ? capitalize(s) : s;
    }

    private static String invalid(Random r) {
        String local = personalLocalPart(r);
        String domain = weighted(r, PROVIDERS, PROVIDER_WEIGHTS);
        return switch (r.nextInt(24)) {
            case 0 -> local + '.' + domain;                                   // @ typed as a dot
            case 1 -> local + '@';
            case 2 -> '@' + domain;
            case 3 -> local.replace('.', ' ') + (local.indexOf('.') < 0 ? " x" : "") + '@' + domain;
            case 4 -> pick(r, FIRST) + ".." + pick(r, LAST) + '@' + domain;
            case 5 -> '.' + local + '@' + domain;
            case 6 -> local + ".@" + domain;
            case 7 -> local + "@@" + domain;
            case 8 -> local + '@' + domain + ';' + personalLocalPart(r) + '@' + domain;
            case 9 -> pick(r, new String[] {"no tiene", "sin correo", "n/a", "NA", "-", "0", "xxx", "no",
                "notiene@", "ninguno", "correo", "."});
            case 10 -> "3" + (100_000_000 + r.nextInt(899_999_999));     // a phone number in the email column
            case 11 -> local + "@-" + domain;
            case 12 -> local + '@' + domain.substring(0, domain.indexOf('.')) + "-.com";
            case 13 -> local + '@' + domain.substring(0, domain.indexOf('.')) + ".c";
            case 14 -> local + "(at)" + domain;
            case 15 -> local + '@' + domain + ".123";
            case 16 -> local + "@[192.168." + r.nextInt(256) + '.' + r.nextInt(256) + ']';
            case 17 -> '"' + pick(r, FIRST) + ' ' + pick(r, LAST) + "\"@" + domain;
            case 18 -> local + "@localhost";
            case 19 -> (local + local).repeat(10).substring(0, 65 + r.nextInt(20)) + '@' + domain; // local part over 64
            case 20 -> local + "\r\n@" + domain;
            case 21 -> pick(r, FIRST) + ',' + pick(r, LAST) + '@' + domain;
            case 22 -> local + '@' + domain.substring(0, domain.indexOf('.')) + ".empresa";
            default -> local + '@' + domain.substring(0, domain.indexOf('.')) + ".invalidtld";
        };
    }

    private static String capitalize(String s) {
        StringBuilder b = new StringBuilder(s);
        boolean start = true;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (start && Character.isLetter(c)) {
                b.setCharAt(i, Character.toUpperCase(c));
            }
            start = !Character.isLetter(c);
        }
        return b.toString();
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T weighted(Random r, T[] values, int[] weights) {
        return values[weightedIndex(r, weights)];
    }

    private static int weightedIndex(Random r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }
}
