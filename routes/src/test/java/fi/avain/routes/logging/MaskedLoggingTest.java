package fi.avain.routes.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The application's own logging configuration, as the jar runs it: no identity code reaches a line. */
class MaskedLoggingTest {
    private static final String HETU = "010190-123M";

    @Test
    void masksIdentityCodesInMessagesAndStackTracesWhoeverLogsThem() throws Exception {
        String id = "93186671-4263-436a-8484-dd6e1f6d4552";
        String printed = logged(logger -> {
            logger.info("cannot read {}.csv for message {}", HETU, id);
            logger.error("job failed", new IllegalStateException("bad file " + HETU,
                    new IllegalArgumentException("line 3: " + HETU.toLowerCase())));
        });

        assertThat(printed).doesNotContainIgnoringCase(HETU)
                .contains("cannot read ******-****.csv for message " + id)
                .contains("IllegalStateException: bad file ******-****")
                .contains("IllegalArgumentException: line 3: ******-****")
                .contains("at fi.avain.routes.logging.MaskedLoggingTest");
    }

    private static String logged(java.util.function.Consumer<Logger> log) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(MaskedLoggingTest.class.getResource("/logback-spring.xml"));
            log.accept(context.getLogger("test-" + UUID.randomUUID()));
        } finally {
            context.stop();
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
