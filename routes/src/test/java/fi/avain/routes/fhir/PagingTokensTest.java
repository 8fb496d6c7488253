package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.routes.messages.EncryptionKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A search sealed into its paging id: read back only as written, and only with the key that sealed it. */
class PagingTokensTest {
    static final EncryptionKey KEY = new EncryptionKey("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    static final EncryptionKey OTHER_KEY = new EncryptionKey("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
    static final String HETU = "010190-123M";
    static final PagingTokens.Search SEARCH = new PagingTokens.Search("Patient",
            Map.of("identifier", List.of("urn:oid:1.2.246.21|" + HETU), "date", List.of("ge2026-01-01", "lt2027")),
            "a1b2", Instant.parse("2026-03-02T08:30:00Z"));

    final PagingTokens tokens = new PagingTokens(KEY);

    @Test
    void aTokenOpensToTheSearchSealedInIt() {
        String token = tokens.seal(SEARCH).orElseThrow();

        assertThat(tokens.open(token)).contains(SEARCH);
        assertThat(new PagingTokens(KEY).open(token)).as("another instance with the same key").contains(SEARCH);
        assertThat(token).matches("[A-Za-z0-9_-]+").as("needs no escaping in a URL");
    }

    @Test
    void theSameSearchSealsDifferentlyEachTime() {
        assertThat(tokens.seal(SEARCH)).isNotEqualTo(tokens.seal(SEARCH));
    }

    @Test
    void aTokenCarriesNoSearchValueInClear() {
        String token = tokens.seal(SEARCH).orElseThrow();
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);

        for (String clear : List.of(HETU, "010190", "identifier", "Patient", "ge2026")) {
            assertThat(token).doesNotContain(clear);
            assertThat(decoded).doesNotContain(clear);
        }
    }

    @Test
    void everyAlteredByteMakesTheTokenUnreadable() {
        byte[] sealed = Base64.getUrlDecoder().decode(tokens.seal(SEARCH).orElseThrow());
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            assertThat(tokens.open(Base64.getUrlEncoder().withoutPadding().encodeToString(altered)))
                    .as("byte %d altered", i).isEmpty();
        }
        String token = tokens.seal(SEARCH).orElseThrow();
        assertThat(tokens.open(token.substring(0, token.length() - 1))).as("cut short").isEmpty();
        assertThat(tokens.open(token + "AA")).as("lengthened").isEmpty();
    }

    @Test
    void aTokenSealedWithAnotherKeyIsUnreadable() {
        assertThat(tokens.open(new PagingTokens(OTHER_KEY).seal(SEARCH).orElseThrow())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", HETU, "!!!", "0f9a8c2e-7d1b-4c55-9b7e-1e1f3a6c2b10", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AQ", "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "abc%2F..%2F"})
    void garbageIsNoToken(String garbage) {
        assertThat(tokens.open(garbage)).isEmpty();
    }

    @Test
    void nothingIsNoTokenAndNeitherIsAnOverlongOne() {
        assertThat(tokens.open(null)).isEmpty();
        assertThat(tokens.open("A".repeat(PagingTokens.MAX_TOKEN_CHARS + 4))).isEmpty();
    }

    @Test
    void aSearchTooLongForALinkIsNotSealed() {
        PagingTokens.Search huge = new PagingTokens.Search("Patient",
                Map.of("identifier", List.of("x".repeat(PagingTokens.MAX_TOKEN_CHARS))), "a1b2", SEARCH.expires());

        assertThat(tokens.seal(huge)).isEmpty();
    }
}
