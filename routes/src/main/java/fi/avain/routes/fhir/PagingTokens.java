package fi.avain.routes.fhir;

import fi.avain.routes.messages.EncryptionKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A search written into its own paging id ({@code _getpages}), so that any node holding the same key can
 * serve the next page: sealed with AES-256-GCM (a fresh random 96-bit nonce per token, NIST SP 800-38D,
 * 8.2.2), whose tag makes an altered token unreadable, and whose encryption keeps the search's values (an
 * identity code, a client id) out of the URL. The key is derived from the message store's key
 * ({@code avain.messages.encryption-key}) by HMAC-SHA256 over a label of its own, as the ledger's pseudonym
 * key is, so that the message store's own key seals nothing but message bodies. Links made before that key
 * is rotated are answered as expired afterwards: the search is made again.
 */
final class PagingTokens {
    private static final String LABEL = "avain-fhir-paging-link";
    private static final byte VERSION = 1;
    private static final byte[] ASSOCIATED = (LABEL + "/" + VERSION).getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * The longest token written or read: with the rest of a paging link it stays inside the 8 KB request line
     * servers take by default (Tomcat's {@code max-http-request-header-size}).
     */
    static final int MAX_TOKEN_CHARS = 4_096;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    /**
     * One search as its paging id holds it.
     *
     * @param resourceType the type searched
     * @param parameters   the search's parameters as HAPI gave them, without those that only shape the answer
     * @param caller       the SHA-256 (hex) of who searched, with what they could see
     * @param expires      when the link stops working
     */
    record Search(String resourceType, Map<String, List<String>> parameters, String caller, Instant expires) {
        Search {
            Objects.requireNonNull(resourceType, "resourceType");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(expires, "expires");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            parameters = Collections.unmodifiableMap(copy);
        }

        /** The parameters as HAPI's request holds them. */
        Map<String, String[]> asRequestParameters() {
            Map<String, String[]> request = new LinkedHashMap<>();
            parameters.forEach((name, values) -> request.put(name, values.toArray(String[]::new)));
            return request;
        }
    }

    PagingTokens(EncryptionKey messageKey) {
        if (messageKey == null || messageKey.base64() == null || messageKey.base64().isBlank()) {
            throw new IllegalStateException("avain.messages.encryption-key is not set; the FHIR server's paging "
                    + "links are sealed with a key derived from it");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(messageKey.base64().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("avain.messages.encryption-key is not valid base64");
        }
        this.key = new SecretKeySpec(derive(raw), "AES");
    }

    /** The token, or empty when the search is too long for a link a server would take back. */
    Optional<String> seal(Search search) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = run(Cipher.ENCRYPT_MODE, nonce, write(search));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
        ByteBuffer token = ByteBuffer.allocate(1 + nonce.length + sealed.length).put(VERSION).put(nonce).put(sealed);
        String written = Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
        return written.length() > MAX_TOKEN_CHARS ? Optional.empty() : Optional.of(written);
    }

    /** The search the token holds; empty for anything this key did not seal, altered or not a token at all. */
    Optional<Search> open(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            plain = run(Cipher.DECRYPT_MODE, Arrays.copyOfRange(bytes, 1, 1 + NONCE_BYTES),
                    Arrays.copyOfRange(bytes, 1 + NONCE_BYTES, bytes.length));
        } catch (GeneralSecurityException altered) {
            return Optional.empty();
        }
        return Optional.of(read(plain));
    }

    private byte[] run(int mode, byte[] nonce, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ASSOCIATED);
        return cipher.doFinal(input);
    }

    private static byte[] write(Search search) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeText(out, search.resourceType());
            writeText(out, search.caller());
            out.writeLong(search.expires().getEpochSecond());
            out.writeInt(search.parameters().size());
            for (Map.Entry<String, List<String>> parameter : search.parameters().entrySet()) {
                writeText(out, parameter.getKey());
                out.writeInt(parameter.getValue().size());
                for (String value : parameter.getValue()) {
                    writeText(out, value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #write} wrote: the tag has proved that this key sealed it. */
    private static Search read(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            String type = readText(in);
            String caller = readText(in);
            Instant expires = Instant.ofEpochSecond(in.readLong());
            int count = in.readInt();
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = readText(in);
                String[] values = new String[in.readInt()];
                for (int v = 0; v < values.length; v++) {
                    values[v] = readText(in);
                }
                parameters.put(name, List.of(values));
            }
            return new Search(type, parameters, caller, expires);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] derive(byte[] messageKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(messageKey, "HmacSHA256"));
            return mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
