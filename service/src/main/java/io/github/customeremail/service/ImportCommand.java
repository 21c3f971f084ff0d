package io.github.customeremail.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code java -jar customer-email-service.jar import FILE.jsonl}: stores past SES notifications from a trusted local
 * file, one per line, either an SNS message ({@code {"Type":"Notification","MessageId":…,"Message":"…"}}, as SNS
 * delivered it or as an SQS message body holds it) or a bare SES notification. Signatures are not checked: the file
 * is the operator's own. A line's id is its SNS MessageId, or else a hash of the line, so importing the same file
 * twice stores nothing twice.
 */
final class ImportCommand {

    private final FeedbackIntake intake;

    ImportCommand(FeedbackIntake intake) {
        this.intake = intake;
    }

    /**
     * @return the outcome counts; unreadable lines count as REJECTED
     */
    Map<FeedbackStore.Outcome, Integer> run(Path file, PrintStream out) throws IOException {
        Map<FeedbackStore.Outcome, Integer> counts = new EnumMap<>(FeedbackStore.Outcome.class);
        for (FeedbackStore.Outcome o : FeedbackStore.Outcome.values()) {
            counts.put(o, 0);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                FeedbackStore.Outcome outcome = importLine(line);
                counts.merge(outcome, 1, Integer::sum);
                if (n % 1000 == 0) {
                    out.println(n + " lines…");
                }
            }
        }
        out.println("stored " + counts.get(FeedbackStore.Outcome.STORED) + ", duplicates "
                + counts.get(FeedbackStore.Outcome.DUPLICATE) + ", rejected "
                + counts.get(FeedbackStore.Outcome.REJECTED));
        return counts;
    }

    private FeedbackStore.Outcome importLine(String line) {
        return intake.acceptEnvelopeOrBare(line, "import:" + FeedbackStore.idOf(line), "import");
    }
}
