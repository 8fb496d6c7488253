package fi.avain.benchmarks.costs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ledger's clients for the cost benchmark, as CSV for PostgreSQL's COPY: {@code n, pseudonym,
 * identity_sealed, identity_nonce, key_id}. Each client has a valid identity code, sealed and hashed
 * exactly as the application's {@code SealedIdentities} does (AES-256-GCM under the message key with the
 * ledger's associated data; HMAC-SHA256 under the key derived from it), so a job that opens identities
 * (the cost report's pseudonyms) reads them as it reads real ones. Only the JDK: scripts/bench runs it as
 * a source file ({@code java SealedClients.java --key=<base64> --clients=10000 --key-id=k1}), with no build.
 * Everything else of the seed is set-based SQL (cost-seed.sql).
 */
public final class SealedClients {
    private static final UUID IDENTITY_AAD =
            UUID.nameUUIDFromBytes("avain-client-identity".getBytes(StandardCharsets.UTF_8));
    private static final String CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("ddMMyy");
    private static final int INDIVIDUALS_A_DAY = 800;

    private SealedClients() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        String key = null;
        String keyId = "k1";
        int clients = 10_000;
        for (String arg : args) {
            if (arg.startsWith("--key=")) {
                key = arg.substring("--key=".length());
            } else if (arg.startsWith("--key-id=")) {
                keyId = arg.substring("--key-id=".length());
            } else if (arg.startsWith("--clients=")) {
                clients = Integer.parseInt(arg.substring("--clients=".length()));
            } else {
                throw new IllegalArgumentException("options: --key=<base64 of 32 bytes> [--key-id=k1] [--clients=10000]");
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("--key is required: avain.messages.encryption-key of the run");
        }
        byte[] raw = Base64.getDecoder().decode(key.strip());
        SecretKeySpec aes = new SecretKeySpec(raw, "AES");
        SecretKeySpec pseudonymKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"),
                "avain-client-pseudonym"), "HmacSHA256");
        byte[] aad = ByteBuffer.allocate(16).putLong(IDENTITY_AAD.getMostSignificantBits())
                .putLong(IDENTITY_AAD.getLeastSignificantBits()).array();
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII))) {
            for (int n = 0; n < clients; n++) {
                String code = identityCode(n);
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(aad);
                byte[] sealed = cipher.doFinal(code.getBytes(StandardCharsets.UTF_8));
                out.write(n + "," + hex.formatHex(hmac(pseudonymKey, code)) + ",\\x" + hex.formatHex(sealed)
                        + ",\\x" + hex.formatHex(nonce) + "," + keyId + "\n");
            }
        }
    }

    /** Client n: born in the 1950s, a day for each 800 clients, individual numbers 002 to 801. */
    static String identityCode(int n) {
        String birth = LocalDate.of(1950, 1, 1).plusDays(n / INDIVIDUALS_A_DAY).format(BIRTH);
        String individual = "%03d".formatted(2 + n % INDIVIDUALS_A_DAY);
        return birth + "-" + individual + CHECK_CHARS.charAt((int) (Long.parseLong(birth + individual) % 31));
    }

    private static byte[] hmac(SecretKeySpec key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
