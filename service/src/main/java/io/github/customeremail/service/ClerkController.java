package io.github.customeremail.service;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clerks' page: check one address as it is typed, confirm it with the customer by a code, check a pasted list.
 * Server-rendered; the page's script only asks for the result part ({@code X-Fragment} header) instead of the whole
 * page, so everything works without it too.
 */
@Controller
class ClerkController {

    static final String FRAGMENT_HEADER = "X-Fragment";
    private static final Logger LOG = LoggerFactory.getLogger(ClerkController.class);
    private static final int MAX_INPUT = 1000;

    private final CustomerEmailValidator validator;
    private final VerificationService verification;
    private final Rechecks rechecks;
    private final MessageSource messages;
    private final ClerkProperties properties;

    ClerkController(CustomerEmailValidator validator, VerificationService verification, Rechecks rechecks,
                    MessageSource messages, ClerkProperties properties) {
        this.validator = validator;
        this.verification = verification;
        this.rechecks = rechecks;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String page(Model model, Principal clerk) {
        return render(model, clerk, "check", null);
    }

    @PostMapping("/check")
    String check(@RequestParam(defaultValue = "") String address, Model model, Principal clerk, Locale locale,
                 @RequestHeader(name = FRAGMENT_HEADER, required = false) String fragment) {
        model.addAttribute("address", address);
        if (!address.isBlank()) {
            model.addAttribute("check", checked(address, locale));
        }
        return render(model, clerk, "check", fragment);
    }

    @PostMapping("/verify/send")
    String send(@RequestParam(defaultValue = "") String address, Model model, Principal clerk, Locale locale,
                @RequestHeader(name = FRAGMENT_HEADER, required = false) String fragment) {
        VerificationService.Outcome outcome = verification.send(limited(address), clerk.getName(), locale);
        return outcome(outcome, address, model, clerk, locale, fragment);
    }

    @PostMapping("/verify/confirm")
    String confirm(@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String code,
                   Model model, Principal clerk, Locale locale,
                   @RequestHeader(name = FRAGMENT_HEADER, required = false) String fragment) {
        VerificationService.Outcome outcome = verification.confirm(limited(address), limited(code), clerk.getName());
        return outcome(outcome, address, model, clerk, locale, fragment);
    }

    @GetMapping("/list")
    String list(Model model, Principal clerk) {
        return render(model, clerk, "list", null);
    }

    @PostMapping("/list")
    String checkList(@RequestParam(defaultValue = "") String addresses, Model model, Principal clerk, Locale locale) {
        List<String> lines = lines(addresses);
        model.addAttribute("addresses", addresses);
        if (lines.size() > properties.maxList()) {
            model.addAttribute("listError", messages.getMessage("list.too-long",
                    new Object[] {lines.size(), properties.maxList()}, locale));
        } else if (!lines.isEmpty()) {
            model.addAttribute("rows", checkedAll(lines, locale));
        }
        return render(model, clerk, "list", null);
    }

    @PostMapping(path = "/list.csv")
    ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "") String addresses, Locale locale) {
        List<String> lines = lines(addresses);
        if (lines.size() > properties.maxList()) {
            lines = lines.subList(0, properties.maxList());
        }
        List<List<String>> rows = new ArrayList<>();
        for (ClerkCheck c : checkedAll(lines, locale)) {
            rows.add(List.of(c.input(), c.normalized() == null ? "" : c.normalized(),
                    messages.getMessage("verdict." + c.kind(), null, locale),
                    c.suggestion() == null ? "" : c.suggestion(), String.join(" ", c.reasons()),
                    c.verified() == null ? "" : c.verified()));
        }
        List<String> header = List.of("csv.input", "csv.normalized", "csv.verdict", "csv.suggestion", "csv.reasons",
                "csv.verified").stream().map(k -> messages.getMessage(k, null, locale)).toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" +
                        messages.getMessage("csv.filename", null, locale) + ".csv\"")
                .body(ClerkCsv.of(header, rows).getBytes(StandardCharsets.UTF_8));
    }

    private String outcome(VerificationService.Outcome outcome, String address, Model model, Principal clerk,
                           Locale locale, String fragment) {
        model.addAttribute("address", address);
        model.addAttribute("check", checked(address, locale));
        String status = outcome.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Object at = outcome.at() == null ? ""
                : time(outcome.at(), outcome.status() == VerificationService.Status.SENT ? "format.time"
                        : "format.datetime", locale);
        model.addAttribute("outcome", status);
        model.addAttribute("outcomeMessage", messages.getMessage("verify." + status,
                new Object[] {at, outcome.attemptsLeft()}, locale));
        model.addAttribute("outcomeGood", outcome.status() == VerificationService.Status.SENT
                || outcome.status() == VerificationService.Status.VERIFIED);
        model.addAttribute("awaitingCode", outcome.status() == VerificationService.Status.SENT
                || outcome.status() == VerificationService.Status.WRONG
                || outcome.status() == VerificationService.Status.NOT_A_CODE);
        return render(model, clerk, "check", fragment);
    }

    private String render(Model model, Principal clerk, String tab, String fragment) {
        model.addAttribute("tab", tab);
        model.addAttribute("clerk", clerk == null ? "" : clerk.getName());
        model.addAttribute("canSend", verification.available());
        model.addAttribute("maxList", properties.maxList());
        return fragment != null ? "clerk :: result" : "clerk";
    }

    private ClerkCheck checked(String address, Locale locale) {
        EmailCheck check = validator.check(limited(address));
        scheduleRecheck(check);
        return view(check, locale);
    }

    private List<ClerkCheck> checkedAll(List<String> lines, Locale locale) {
        // All at once: the DNS lookups of a list overlap instead of queueing.
        List<CompletableFuture<EmailCheck>> pending = new ArrayList<>(lines.size());
        for (String line : lines) {
            pending.add(validator.checkAsync(line));
        }
        List<ClerkCheck> rows = new ArrayList<>(lines.size());
        for (CompletableFuture<EmailCheck> f : pending) {
            EmailCheck check = f.join();
            scheduleRecheck(check);
            rows.add(view(check, locale));
        }
        return rows;
    }

    private void scheduleRecheck(EmailCheck check) {
        if (check.verdict() == Verdict.UNKNOWN && check.normalized().isPresent()) {
            rechecks.schedule(check.normalized().get()); // "save and re-check later", as for the API
        }
    }

    private ClerkCheck view(EmailCheck check, Locale locale) {
        String verified;
        try {
            verified = check.normalized().flatMap(verification::verified)
                    .map(v -> messages.getMessage("verified.at",
                            new Object[] {time(v.verifiedAt(), "format.datetime", locale), v.clerk()}, locale))
                    .orElse(null);
        } catch (DataAccessException | TransactionException e) {
            // Checking needs no database: the clerk still gets the verdict, only without the confirmation record.
            LOG.warn("confirmation record not read, database unavailable: {}", e.getClass().getSimpleName());
            verified = null;
        }
        return ClerkCheck.of(check, locale, verified);
    }

    private String time(Instant at, String format, Locale locale) {
        ZoneId zone = properties.timeZone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(properties.timeZone());
        return DateTimeFormatter.ofPattern(messages.getMessage(format, null, locale), locale)
                .format(at.atZone(zone));
    }

    /** One address per line; a line copied from several spreadsheet columns gives its first non-empty cell. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n|\r")) {
            for (String cell : line.split("\t")) {
                if (!cell.isBlank()) {
                    out.add(limited(cell.strip()));
                    break;
                }
            }
        }
        return out;
    }

    private static String limited(String s) {
        return s.length() > MAX_INPUT ? s.substring(0, MAX_INPUT) : s;
    }
}
