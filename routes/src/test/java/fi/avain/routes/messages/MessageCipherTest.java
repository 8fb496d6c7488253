package fi.avain.routes.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCipherTest {
    private static final String KEY_A = key(1);
    private static final String KEY_B = key(2);
    private static final byte[] BODY = "{\"authorizationId\":\"iauth_1\",\"amount\":1250}".getBytes(StandardCharsets.UTF_8);

    private final UUID id = UUID.randomUUID();

    @Test
    void opensWhatItSealed() {
        MessageCipher cipher = cipher("k1", KEY_A, Map.of());

        SealedBody sealed = cipher.seal(id, BODY);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("iauth_1");
        assertThat(cipher.open(id, sealed)).isEqualTo(BODY);
    }

    @Test
    void usesAFreshNonceForEveryBody() {
        MessageCipher cipher = cipher("k1", KEY_A, Map.of());

        assertThat(cipher.seal(id, BODY).nonce()).isNotEqualTo(cipher.seal(id, BODY).nonce());
    }

    @Test
    void refusesAnAlteredCiphertext() {
        MessageCipher cipher = cipher("k1", KEY_A, Map.of());
        SealedBody sealed = cipher.seal(id, BODY);
        byte[] altered = sealed.ciphertext().clone();
        altered[3] ^= 1;

        assertThatThrownBy(() -> cipher.open(id, new SealedBody("k1", sealed.nonce(), altered)))
                .isInstanceOf(MessageCipher.BodyUnreadableException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void sealsAndOpensAgainOnTheSameThreadsAfterAFailureWithTwoKeys() throws Exception {
        MessageCipher a = cipher("k1", KEY_A, Map.of());
        MessageCipher b = cipher("k2", KEY_B, Map.of());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                results.add(threads.submit(() -> {
                    UUID message = UUID.randomUUID();
                    SealedBody sealed = a.seal(message, body);
                    assertThatThrownBy(() -> a.open(UUID.randomUUID(), sealed))
                            .isInstanceOf(MessageCipher.BodyUnreadableException.class);
                    SealedBody other = b.seal(message, body);
                    return java.util.Arrays.equals(a.open(message, sealed), body)
                            && java.util.Arrays.equals(b.open(message, other), body);
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void refusesABodyMovedToAnotherMessage() {
        MessageCipher cipher = cipher("k1", KEY_A, Map.of());
        SealedBody sealed = cipher.seal(id, BODY);

        assertThatThrownBy(() -> cipher.open(UUID.randomUUID(), sealed))
                .isInstanceOf(MessageCipher.BodyUnreadableException.class);
    }

    @Test
    void refusesABodySealedWithAnotherKeyUnderTheSameId() {
        SealedBody sealed = cipher("k1", KEY_A, Map.of()).seal(id, BODY);

        assertThatThrownBy(() -> cipher("k1", KEY_B, Map.of()).open(id, sealed))
                .isInstanceOf(MessageCipher.BodyUnreadableException.class);
    }

    @Test
    void readsBodiesSealedWithAPreviousKeyAfterARotation() {
        SealedBody old = cipher("k1", KEY_A, Map.of()).seal(id, BODY);
        MessageCipher rotated = cipher("k2", KEY_B, Map.of("k1", KEY_A));

        assertThat(rotated.open(id, old)).isEqualTo(BODY);
        assertThat(rotated.seal(id, BODY).keyId()).isEqualTo("k2");
    }

    @Test
    void namesTheMissingKeyIdWhenABodyWasSealedWithARetiredKey() {
        SealedBody old = cipher("k1", KEY_A, Map.of()).seal(id, BODY);

        assertThatThrownBy(() -> cipher("k2", KEY_B, Map.of()).open(id, old))
                .isInstanceOf(MessageCipher.BodyUnreadableException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining("avain.messages.previous-keys");
    }

    static Stream<Arguments> badKeys() {
        return Stream.of(
                Arguments.of(null, "avain.messages.encryption-key is not set"),
                Arguments.of("  ", "avain.messages.encryption-key is not set"),
                Arguments.of("not base64 at all!", "avain.messages.encryption-key is not valid base64"),
                Arguments.of(Base64.getEncoder().encodeToString(new byte[16]), "avain.messages.encryption-key decodes to 16 bytes"));
    }

    @ParameterizedTest
    @MethodSource("badKeys")
    void stopsStartUpNamingThePropertyButNotTheKey(String configured, String expected) {
        assertThatThrownBy(() -> cipher("k1", configured, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(expected)
                .hasMessageContaining("base64 of 32 random bytes")
                .satisfies(e -> {
                    if (configured != null && !configured.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(configured);
                    }
                });
    }

    @Test
    void stopsStartUpOnABadPreviousKeyNamingItsProperty() {
        assertThatThrownBy(() -> cipher("k2", KEY_B, Map.of("k1", "c2hvcnQ=")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("avain.messages.previous-keys.k1 decodes to 5 bytes")
                .hasMessageNotContaining("c2hvcnQ=");
    }

    static MessageCipher cipher(String keyId, String key, Map<String, String> previous) {
        Map<String, EncryptionKey> previousKeys = new java.util.HashMap<>();
        previous.forEach((id, value) -> previousKeys.put(id, new EncryptionKey(value)));
        return new MessageCipher(new MessageStoreSettings(new EncryptionKey(key), keyId, previousKeys, Map.of()));
    }

    static String key(int seed) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) seed);
        return Base64.getEncoder().encodeToString(raw);
    }
}
