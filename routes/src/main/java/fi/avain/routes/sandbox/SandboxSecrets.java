package fi.avain.routes.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The sandbox's generated secrets: API keys per role, the message store's encryption key, webhook
 * secrets and the sample tenant's reporting key. Made once and kept in
 * {@code data/sandbox-secrets.properties}, so a restarted sandbox can still read its stored messages,
 * old keys keep working and reports keep their pseudonyms.
 */
final class SandboxSecrets {
    static final String FILE = "sandbox-secrets.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxSecrets() {
    }

    static Properties loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        boolean changed = false;
        changed |= putIfAbsent(properties, "avain.security.api-keys.integrator[0]", "int_" + token(24));
        changed |= putIfAbsent(properties, "avain.security.api-keys.operator[0]", "op_" + token(24));
        changed |= putIfAbsent(properties, "avain.security.api-keys.processor[0]", "proc_" + token(24));
        changed |= putIfAbsent(properties, "avain.messages.encryption-key", Base64.getEncoder().encodeToString(bytes(32)));
        changed |= putIfAbsent(properties, "avain.connectors.card.secrets.generic[0]", "whsec_" + token(24));
        changed |= putIfAbsent(properties, "avain.connectors.card.secrets.stripe[0]", "whsec_" + token(24));
        changed |= putIfAbsent(properties, "avain.reports.keys." + SandboxSamples.TENANT,
                Base64.getEncoder().encodeToString(bytes(32)));
        if (changed) {
            try {
                Files.createDirectories(dataDir);
                try (Writer writer = Files.newBufferedWriter(file)) {
                    properties.store(writer, "Generated sandbox secrets; delete the file to make new ones");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + file, e);
            }
        }
        return properties;
    }

    private static boolean putIfAbsent(Properties properties, String key, String value) {
        return properties.putIfAbsent(key, value) == null;
    }

    private static String token(int bytes) {
        return HexFormat.of().formatHex(bytes(bytes));
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
