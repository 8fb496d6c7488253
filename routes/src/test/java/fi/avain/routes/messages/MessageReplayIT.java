package fi.avain.routes.messages;

import static fi.avain.routes.messages.TestMessages.message;
import static fi.avain.routes.messages.TestMessages.uniqueFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** Replay of one message and of a query's worth, through {@link ScriptedReplayer}. */
@MessageStoreIntegrationTest
class MessageReplayIT {
    @Autowired
    MockMvc mvc;
    @Autowired
    MessageStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScriptedReplayer replayer;
    @Autowired
    TestClock clock;

    private final String batch = "batch-" + UUID.randomUUID();

    @AfterEach
    void forgetTheOperator() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void replaysAnErrorMessageToProcessedAndAuditsIt() throws Exception {
        UUID id = failedMessage(ScriptedReplayer.FLOW, "{}");
        actAs("olli.operator");

        mvc.perform(post("/api/v1/messages/{id}/replay", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.previousStatus").value("ERROR"))
                .andExpect(jsonPath("$.status").value("PROCESSED"))
                .andExpect(jsonPath("$.reason").value(nullValue()));

        assertThat(store.find(id).orElseThrow()).extracting(StoredMessage::status, StoredMessage::attempts)
                .containsExactly(MessageStatus.PROCESSED, 2);
        assertThat(audit(id)).containsExactly("REPLAY olli.operator ERROR -> PROCESSED");
    }

    /** A second replay of a processed message changes nothing and says so, and is still audited. */
    @Test
    void doesNotReplayAMessageAlreadyProcessed() throws Exception {
        UUID id = failedMessage(ScriptedReplayer.FLOW, "{}");
        mvc.perform(post("/api/v1/messages/{id}/replay", id)).andExpect(status().isOk());

        mvc.perform(post("/api/v1/messages/{id}/replay", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previousStatus").value("PROCESSED"))
                .andExpect(jsonPath("$.status").value("PROCESSED"))
                .andExpect(jsonPath("$.reason").value("not replayed: already PROCESSED"));

        assertThat(replayer.replayed()).containsOnlyOnce(id);
        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(2);
        assertThat(audit(id)).containsExactly("REPLAY anonymous ERROR -> PROCESSED",
                "REPLAY anonymous not replayed: already PROCESSED");
    }

    @Test
    void keepsAMessageInErrorWithTheNewReasonWhenTheReplayFailsAgain() throws Exception {
        UUID failsAgain = failedMessage(ScriptedReplayer.FLOW, "{\"fail-again\":true}");
        UUID explodes = failedMessage(ScriptedReplayer.FLOW, "{\"explode\":true}");

        mvc.perform(post("/api/v1/messages/{id}/replay", failsAgain))
                .andExpect(jsonPath("$.status").value("ERROR"))
                .andExpect(jsonPath("$.reason").value("provider still unknown"));
        mvc.perform(post("/api/v1/messages/{id}/replay", explodes))
                .andExpect(jsonPath("$.status").value("ERROR"))
                .andExpect(jsonPath("$.reason").value("IllegalStateException: replayer exploded on client ******-****"));

        assertThat(store.find(explodes).orElseThrow()).extracting(StoredMessage::status, StoredMessage::attempts)
                .containsExactly(MessageStatus.ERROR, 2);
    }

    @Test
    void answersAConflictProblemWhenTheFlowHasNoReplayerAndChangesNothing() throws Exception {
        UUID id = failedMessage(uniqueFlow("unreplayable"), "{}");

        mvc.perform(post("/api/v1/messages/{id}/replay", id))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("no replayer")));

        assertThat(store.find(id).orElseThrow()).extracting(StoredMessage::status, StoredMessage::attempts)
                .containsExactly(MessageStatus.ERROR, 1);
        assertThat(audit(id)).isEmpty();
    }

    @Test
    void answersANotFoundProblemForAnUnknownMessage() throws Exception {
        mvc.perform(post("/api/v1/messages/{id}/replay", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void replaysTheErrorMessagesAQueryFindsAndSkipsThoseAlreadyDone() throws Exception {
        UUID first = failedMessage(ScriptedReplayer.FLOW, "{\"n\":1}");
        UUID second = failedMessage(ScriptedReplayer.FLOW, "{\"n\":2,\"fail-again\":true}");
        UUID third = failedMessage(ScriptedReplayer.FLOW, "{\"n\":3}");

        mvc.perform(post("/api/v1/messages/replay").param("key", batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(3))
                .andExpect(jsonPath("$.processed").value(2))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.skipped").value(0))
                .andExpect(jsonPath("$.items[1].id").value(second.toString()))
                .andExpect(jsonPath("$.items[1].status").value("ERROR"));
        mvc.perform(post("/api/v1/messages/replay").param("key", batch).param("status", "PROCESSED"))
                .andExpect(jsonPath("$.replayed").value(0))
                .andExpect(jsonPath("$.skipped").value(2));

        assertThat(List.of(first, second, third)).extracting(id -> store.find(id).orElseThrow().status())
                .containsExactly(MessageStatus.PROCESSED, MessageStatus.ERROR, MessageStatus.PROCESSED);
    }

    @Test
    void replaysNothingOfAQueryThatFindsAFlowWithoutAReplayer() throws Exception {
        UUID replayable = failedMessage(ScriptedReplayer.FLOW, "{}");
        failedMessage(uniqueFlow("unreplayable"), "{}");

        mvc.perform(post("/api/v1/messages/replay").param("key", batch))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(store.find(replayable).orElseThrow().status()).isEqualTo(MessageStatus.ERROR);
        assertThat(replayer.replayed()).doesNotContain(replayable);
    }

    @Test
    void answersABadBulkParameterWithAProblem() throws Exception {
        mvc.perform(post("/api/v1/messages/replay").param("status", "BROKEN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("status"));
    }

    @Test
    void aMistypedFilterOrAFilterInTheBodyReplaysNothing() throws Exception {
        UUID failed = failedMessage(ScriptedReplayer.FLOW, "{}");

        mvc.perform(post("/api/v1/messages/replay").param("key", batch).param("flows", "nope"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("flows"));
        mvc.perform(post("/api/v1/messages/replay").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"" + batch + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(post("/api/v1/messages/replay").param("key", batch).param("flow", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("flow"));

        assertThat(store.find(failed).orElseThrow().status()).isEqualTo(MessageStatus.ERROR);
        assertThat(replayer.replayed()).doesNotContain(failed);
    }

    /** Each a second after the last, so a bulk replay's oldest-first order is known. */
    private UUID failedMessage(String flow, String body) {
        clock.advance(Duration.ofSeconds(1));
        UUID id = store.receive(message(flow, body, Map.of("batch", batch)));
        store.failed(id, "first attempt failed");
        return id;
    }

    private static void actAs(String name) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, List.of()));
    }

    private List<String> audit(UUID id) {
        return jdbc.sql("""
                        select action || ' ' || actor || ' ' || detail from message_audit
                         where message_id = :id and action = 'REPLAY' order by at, detail""")
                .param("id", id).query(String.class).list();
    }
}
