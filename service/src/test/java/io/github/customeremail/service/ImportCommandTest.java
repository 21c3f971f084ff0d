package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "customer-email.dns.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:import;DB_CLOSE_DELAY=-1"})
class ImportCommandTest {

    @Autowired
    FeedbackIntake intake;
    @Autowired
    FeedbackStore store;
    @Autowired
    io.github.customeremail.CustomerEmailValidator validator;

    @Test
    void importsSnsEnvelopesAndBareNotificationsOnceAndKeepsBadLinesAsRejected(@TempDir Path dir) throws Exception {
        Instant at = Instant.parse("2026-11-03T10:00:00Z");
        String bare = SnsSigner.bounce("importado@gmail.com", "Permanent", "NoEmail", "5.1.1", "550 5.1.1", at);
        String envelope = SnsSigner.json(Map.of("Type", "Notification", "MessageId", "sns-42",
                "Message", SnsSigner.complaint("queja@hotmail.com", at)));
        Path file = dir.resolve("past.jsonl");
        Files.write(file, List.of(bare, envelope, "", "{broken", "{\"notificationType\":\"Bounce\"}"));
        ImportCommand command = new ImportCommand(intake);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<FeedbackStore.Outcome, Integer> first = command.run(file, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(first).containsEntry(FeedbackStore.Outcome.STORED, 2).containsEntry(FeedbackStore.Outcome.REJECTED, 2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stored 2, duplicates 0, rejected 2");

        Map<FeedbackStore.Outcome, Integer> again = command.run(file, new PrintStream(new ByteArrayOutputStream()));
        assertThat(again).containsEntry(FeedbackStore.Outcome.DUPLICATE, 4).containsEntry(FeedbackStore.Outcome.STORED, 0);

        assertThat(store.find("importado@gmail.com").orElseThrow().reason()).isEqualTo("MAILBOX_DOES_NOT_EXIST");
        assertThat(validator.check("queja@hotmail.com").finding(io.github.customeremail.FindingCode.COMPLAINED))
                .isPresent();
    }
}
