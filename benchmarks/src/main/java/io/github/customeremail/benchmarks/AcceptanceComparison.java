package io.github.customeremail.benchmarks;

import com.sanctionco.jmail.JMail;
import io.github.customeremail.AddressParser;
import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.ParsedAddress;
import io.github.customeremail.Verdict;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What each validator of {@link PeerComparisonBenchmark} accepts over the same {@link Corpus}, by category, and where
 * the peers disagree with customer-email, with examples. Prints Markdown tables.
 *
 * <p>"Accepted" means: customer-email's verdict is {@link Verdict#VALID} (after its safe repairs; the normalized
 * form is what gets saved), the peers return {@code true} / do not throw for the raw input.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.customeremail.benchmarks.AcceptanceComparison [examples]</pre>
 */
public final class AcceptanceComparison {

    private static final String OURS = "customer-email checkOffline (VALID)";

    private AcceptanceComparison() {
    }

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Corpus.Entry> corpus = Corpus.entries();
        CustomerEmailValidator ours = CustomerEmailValidator.builder().build();
        com.sanctionco.jmail.EmailValidator jmailStrict = JMail.strictValidator();
        org.apache.commons.validator.routines.EmailValidator commons =
                org.apache.commons.validator.routines.EmailValidator.getInstance();
        org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator hibernateRaw =
                new org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator();
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator beanValidator = factory.getValidator();

            Map<String, Predicate<String>> validators = new LinkedHashMap<>();
            validators.put(OURS, s -> ours.checkOffline(s).verdict() == Verdict.VALID);
            validators.put("customer-email strict parser, raw input (no repairs)",
                    s -> AddressParser.strict().parse(s) instanceof ParsedAddress);
            validators.put("JMail.isValid", JMail::isValid);
            validators.put("JMail.strictValidator()", jmailStrict::isValid);
            validators.put("Commons Validator EmailValidator", commons::isValid);
            validators.put("Hibernate @Email (raw validator)", s -> hibernateRaw.isValid(s, null));
            validators.put("Hibernate @Email validate(bean)",
                    s -> beanValidator.validate(new PeerComparisonBenchmark.EmailBean(s)).isEmpty());
            validators.put("Jakarta Mail new InternetAddress(s, true)", PeerComparisonBenchmark::jakartaMailStrict);
            validators.put("Jakarta Mail InternetAddress.validate()", PeerComparisonBenchmark::jakartaMailValidate);

            Map<String, boolean[]> accepted = new LinkedHashMap<>();
            validators.forEach((name, v) -> {
                boolean[] a = new boolean[corpus.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = safeTest(v, corpus.get(i).input());
                }
                accepted.put(name, a);
            });

            EnumMap<Corpus.Category, Integer> sizes = new EnumMap<>(Corpus.Category.class);
            for (Corpus.Entry e : corpus) {
                sizes.merge(e.category(), 1, Integer::sum);
            }

            StringBuilder out = new StringBuilder();
            out.append("### Accepted, by corpus category (").append(corpus.size()).append(" addresses, seed ")
                    .append(Corpus.SEED).append(")\n\n| validator |");
            for (Corpus.Category c : Corpus.Category.values()) {
                out.append(' ').append(c).append(" (").append(sizes.get(c)).append(") |");
            }
            out.append(" all |\n|---|");
            out.append("---:|".repeat(Corpus.Category.values().length + 1)).append('\n');
            accepted.forEach((name, a) -> {
                out.append("| ").append(name).append(" |");
                int all = 0;
                for (Corpus.Category c : Corpus.Category.values()) {
                    int n = 0;
                    for (int i = 0; i < a.length; i++) {
                        if (a[i] && corpus.get(i).category() == c) {
                            n++;
                        }
                    }
                    all += n;
                    out.append(' ').append(n).append(" |");
                }
                out.append(' ').append(all).append(" |\n");
            });

            out.append("\n### Disagreements with customer-email, by category\n\n")
                    .append("Each cell: *peer accepts, customer-email refuses* / *customer-email accepts, peer refuses*.")
                    .append("\n\n| peer |");
            for (Corpus.Category c : Corpus.Category.values()) {
                out.append(' ').append(c).append(" |");
            }
            out.append(" all |\n|---|").append("---:|".repeat(Corpus.Category.values().length + 1)).append('\n');
            boolean[] ourAccepted = accepted.get(OURS);
            accepted.forEach((name, a) -> {
                if (name.equals(OURS)) {
                    return;
                }
                out.append("| ").append(name).append(" |");
                int onlyPeer = 0;
                int onlyOurs = 0;
                for (Corpus.Category c : Corpus.Category.values()) {
                    int p = 0;
                    int o = 0;
                    for (int i = 0; i < a.length; i++) {
                        if (corpus.get(i).category() == c && a[i] != ourAccepted[i]) {
                            if (a[i]) {
                                p++;
                            } else {
                                o++;
                            }
                        }
                    }
                    onlyPeer += p;
                    onlyOurs += o;
                    out.append(' ').append(p).append(" / ").append(o).append(" |");
                }
                out.append(' ').append(onlyPeer).append(" / ").append(onlyOurs).append(" |\n");
            });

            if (examples > 0) {
                out.append("\n### Examples of disagreements (first ").append(examples)
                        .append(" per peer, direction and category; → what customer-email saves or why it refuses)\n");
                accepted.forEach((name, a) -> {
                    if (name.equals(OURS)) {
                        return;
                    }
                    out.append("\n**").append(name).append("**\n\n");
                    for (boolean peerAccepts : new boolean[] {true, false}) {
                        for (Corpus.Category c : Corpus.Category.values()) {
                            List<String> shown = new ArrayList<>();
                            for (int i = 0; i < a.length && shown.size() < examples; i++) {
                                Corpus.Entry e = corpus.get(i);
                                if (e.category() == c && a[i] == peerAccepts && ourAccepted[i] != peerAccepts) {
                                    shown.add(describe(ours.checkOffline(e.input())));
                                }
                            }
                            if (!shown.isEmpty()) {
                                out.append("- ").append(peerAccepts ? "peer accepts, we refuse" : "we accept, peer refuses")
                                        .append(", ").append(c).append(": ").append(String.join("; ", shown))
                                        .append('\n');
                            }
                        }
                    }
                });
            }
            System.out.print(out);
        }
    }

    private static boolean safeTest(Predicate<String> v, String s) {
        try {
            return v.test(s);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String describe(EmailCheck check) {
        String input = "`" + Corpus.escape(check.input()).replace("`", "\\`") + "`";
        if (check.verdict() == Verdict.VALID) {
            String saved = check.normalized().orElse("");
            return saved.equals(check.input()) ? input : input + " → `" + saved + "`";
        }
        String reason = check.findings().isEmpty() ? check.verdict().toString()
                : check.findings().get(check.findings().size() - 1).code().toString();
        return input + " (" + reason.toLowerCase(Locale.ROOT) + ")";
    }
}
