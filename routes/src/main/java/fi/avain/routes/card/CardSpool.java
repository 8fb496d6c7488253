package fi.avain.routes.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.budget.AuthorizationAttempt;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageCipher;
import fi.avain.routes.messages.SealedBody;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Card requests answered while the database was unreachable, kept on local disk (sealed with the
 * message store's key) until they can be written to the message store. One file per request,
 * written whole and then renamed, so a crash leaves either a complete file or none.
 */
@Component
public class CardSpool {
    private static final Logger log = LoggerFactory.getLogger(CardSpool.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final MessageCipher cipher;

    CardSpool(@Value("${avain.card.spool-dir:${avain.data-dir}/spool/card}") Path dir, MessageCipher cipher) {
        this.dir = dir;
        this.cipher = cipher;
    }

    public record Entry(UUID messageId, InboundMessage message, AuthorizationAttempt attempt, String response,
                        String reason) {
    }

    public void write(Entry entry) {
        try {
            Files.createDirectories(dir);
            ObjectNode node = JSON.createObjectNode();
            node.put("messageId", entry.messageId().toString());
            node.put("flow", entry.message().flow());
            node.put("sourceId", entry.message().sourceId());
            node.put("tenant", entry.message().tenant());
            node.putPOJO("keys", entry.message().keys());
            node.put("contentType", entry.message().contentType());
            SealedBody sealed = cipher.seal(entry.messageId(), entry.message().body());
            node.put("keyId", sealed.keyId());
            node.put("nonce", Base64.getEncoder().encodeToString(sealed.nonce()));
            node.put("body", Base64.getEncoder().encodeToString(sealed.ciphertext()));
            AuthorizationAttempt a = entry.attempt();
            node.put("processor", a.processor());
            node.put("authorizationId", a.authorizationId());
            node.put("cardId", a.cardId());
            node.put("amountCents", a.amountCents());
            node.put("mcc", a.merchantCategoryCode());
            node.put("controllable", a.amountControllable());
            node.put("at", a.at().toString());
            node.put("response", entry.response());
            node.put("reason", entry.reason());
            Path temp = dir.resolve(entry.messageId() + ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(node));
            try {
                Files.move(temp, dir.resolve(entry.messageId() + ".json"), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(entry.messageId() + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.error("could not spool card authorization {} to {}: it is answered (declined) but not stored",
                    entry.attempt().authorizationId(), dir, e);
        }
    }

    /** Spooled entries, oldest first by name. */
    public List<Path> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public Entry read(Path file) throws IOException {
        JsonNode n = JSON.readTree(file.toFile());
        UUID id = UUID.fromString(n.get("messageId").asText());
        byte[] body = cipher.open(id, new SealedBody(n.get("keyId").asText(),
                Base64.getDecoder().decode(n.get("nonce").asText()), Base64.getDecoder().decode(n.get("body").asText())));
        Map<String, String> keys = new HashMap<>();
        n.path("keys").fields().forEachRemaining(e -> keys.put(e.getKey(), text(e.getValue())));
        InboundMessage message = new InboundMessage(n.get("flow").asText(), n.get("sourceId").asText(),
                n.hasNonNull("tenant") ? n.get("tenant").asText() : null, keys, n.get("contentType").asText(), body);
        AuthorizationAttempt attempt = new AuthorizationAttempt(n.get("processor").asText(),
                n.get("authorizationId").asText(), n.get("cardId").asText(), n.get("amountCents").asLong(),
                text(n.get("mcc")), n.get("controllable").asBoolean(), Instant.parse(n.get("at").asText()));
        return new Entry(id, message, attempt, n.get("response").asText(), n.get("reason").asText());
    }

    /** A JSON string, or null for JSON null (which {@code asText} would turn into "null"). */
    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    public void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
