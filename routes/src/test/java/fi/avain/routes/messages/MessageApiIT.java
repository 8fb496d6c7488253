package fi.avain.routes.messages;

import static fi.avain.routes.messages.TestMessages.message;
import static fi.avain.routes.messages.TestMessages.uniqueFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** Operators' search and masked read. */
@MessageStoreIntegrationTest
class MessageApiIT {
    private static final String HETU = "131052-308T";

    @Autowired
    MockMvc mvc;
    @Autowired
    MessageStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private final String flow = uniqueFlow("voucher-events");

    @AfterEach
    void forgetTheOperator() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void searchesByFlowStatusTimeAndBusinessKeyNewestFirstWithoutBodies() throws Exception {
        String voucher = "V-" + UUID.randomUUID();
        clock.set(MessageStoreTestApplication.START);
        UUID older = store.receive(message(flow, "{\"secret\":\"body\"}", Map.of("voucherId", voucher)));
        store.processed(older);
        clock.advance(Duration.ofHours(1));
        UUID newer = store.receive(message(flow, "{}", Map.of("voucherId", "V-" + UUID.randomUUID())));
        store.failed(newer, "voucher expired");

        mvc.perform(get("/api/v1/messages").param("flow", flow))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[*].id").value(contains(newer.toString(), older.toString())))
                .andExpect(jsonPath("$.items[1].keys.voucherId").value(voucher))
                .andExpect(jsonPath("$.items[1].receivedAt").value("2025-03-01T08:00:00Z"))
                .andExpect(content().string(not(containsString("secret"))));
        expectIds(get("/api/v1/messages").param("flow", flow).param("status", "ERROR"), newer);
        expectIds(get("/api/v1/messages").param("flow", flow).param("from", "2025-03-01T08:30:00Z"), newer);
        expectIds(get("/api/v1/messages").param("flow", flow).param("to", "2025-03-01T08:30:00Z"), older);
        expectIds(get("/api/v1/messages").param("key", voucher), older);
        expectIds(get("/api/v1/messages").param("flow", flow).param("size", "1").param("page", "1"), older);
    }

    @Test
    void readsABodyWithIdentityCodesMaskedAndAuditsWhoReadIt() throws Exception {
        UUID id = store.receive(message(flow, "{\"client\":\"" + HETU + "\",\"amount\":\"120.50\"}"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("olli.operator", null, List.of()));

        mvc.perform(get("/api/v1/messages/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("{\"client\":\"******-****\",\"amount\":\"120.50\"}"))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(content().string(not(containsString(HETU))));

        byte[] ciphertext = jdbc.sql("select body_ciphertext from message where id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(HETU);
        assertThat(audit(id)).containsExactly("READ olli.operator");
    }

    @Test
    void masksIdentityCodesASenderChoseAsSourceIdOrKeyWhereverTheyAreShown() throws Exception {
        UUID id = store.receive(new InboundMessage(flow, "county:" + HETU, null, Map.of("planId", HETU),
                "application/json", "{}".getBytes(StandardCharsets.UTF_8)));

        mvc.perform(get("/api/v1/messages/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sourceId").value("county:******-****"))
                .andExpect(jsonPath("$.keys.planId").value("******-****"))
                .andExpect(content().string(not(containsString(HETU))));
        // Found by the code itself, shown masked.
        mvc.perform(get("/api/v1/messages").param("key", HETU))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id.toString()))
                .andExpect(jsonPath("$.items[0].sourceId").value("county:******-****"))
                .andExpect(content().string(not(containsString(HETU))));
    }

    @Test
    void showsAHashedClientKeyAsItIsSoThatItCanBeSearchedFor() throws Exception {
        // A digest holding an identity-code look-alike, as about every other 64-digit one does.
        String clientHash = "cf06060523a0361" + "7".repeat(49);
        UUID id = store.receive(new InboundMessage(flow, "plan-1", null, Map.of("clientHash", clientHash),
                "application/json", "{}".getBytes(StandardCharsets.UTF_8)));

        mvc.perform(get("/api/v1/messages/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keys.clientHash").value(clientHash));
        mvc.perform(get("/api/v1/messages").param("key", clientHash))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id.toString()))
                .andExpect(jsonPath("$.items[0].keys.clientHash").value(clientHash));
    }

    @Test
    void masksAnIdentityCodeAProblemWouldRepeat() throws Exception {
        mvc.perform(get("/api/v1/messages/{id}", HETU))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString(HETU))));
    }

    @Test
    void auditsAReadWithoutAnAuthenticatedUserAsAnonymous() throws Exception {
        UUID id = store.receive(message(flow, "{}"));

        mvc.perform(get("/api/v1/messages/{id}", id)).andExpect(status().isOk());

        assertThat(audit(id)).containsExactly("READ anonymous");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/messages?from=yesterday, 400, from",
            "/api/v1/messages?to=2025-13-01T00:00:00Z, 400, to",
            "/api/v1/messages?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z, 400, to",
            "/api/v1/messages?status=LOST, 400, status",
            "/api/v1/messages?size=501, 400, size",
            "/api/v1/messages?page=-1, 400, page",
            "/api/v1/messages?flows=x, 400, flows",
            "/api/v1/messages?flow=, 400, flow",
            "/api/v1/messages?flow=a&flow=b, 400, flow",
            "/api/v1/messages?key=, 400, key",
            "/api/v1/messages/not-a-uuid, 400, id"})
    void answersABadParameterWithAProblemNamingIt(String uri, int status, String parameter) throws Exception {
        mvc.perform(get(uri))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.parameter").value(parameter));
    }

    @Test
    void answersAnUnknownIdWithANotFoundProblemAndAuditsNothing() throws Exception {
        UUID unknown = UUID.randomUUID();

        mvc.perform(get("/api/v1/messages/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(unknown.toString())));
        assertThat(audit(unknown)).isEmpty();
    }

    private void expectIds(org.springframework.test.web.servlet.RequestBuilder request, UUID... ids) throws Exception {
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(contains(java.util.Arrays.stream(ids).map(UUID::toString).toArray())));
    }

    private List<String> audit(UUID id) {
        return jdbc.sql("select action || ' ' || actor from message_audit where message_id = :id order by at")
                .param("id", id).query(String.class).list();
    }
}
