package fi.avain.routes.messages;

import fi.avain.routes.messages.MessageQueries.AuditAction;
import fi.avain.routes.messages.MessageQueries.NewMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every inbound message is stored here before it is processed, and its outcome recorded after. A flow
 * calls {@link #receive}, then {@link #duplicate} if {@link #alreadyProcessed} says so, else
 * {@link #processed} or {@link #failed}.
 */
@Component
public class MessageStore {
    static final int MAX_REASON_LENGTH = 2000;

    private final MessageQueries queries;
    private final MessageCipher cipher;
    private final Clock clock;
    private final MessageMetrics metrics;

    public MessageStore(MessageQueries queries, MessageCipher cipher, ObjectProvider<Clock> clock,
                        ObjectProvider<MeterRegistry> registry) {
        this.queries = queries;
        this.cipher = cipher;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.metrics = new MessageMetrics(registry.getIfAvailable());
    }

    /** Stores the message as RECEIVED, body encrypted; answers its id. */
    @Transactional
    public UUID receive(InboundMessage message) {
        return receiveAll(List.of(message)).get(0);
    }

    /** Stores the messages as {@link #receive} does, in JDBC batches and one transaction; ids in the same order. */
    @Transactional
    public List<UUID> receiveAll(List<InboundMessage> messages) {
        List<NewMessage> rows = messages.stream().map(this::sealed).toList();
        queries.insert(rows, now());
        metrics.count(rows.stream().collect(Collectors.groupingBy(r -> r.message().flow(),
                Collectors.reducing(0, r -> 1, Integer::sum))), MessageStatus.RECEIVED);
        return rows.stream().map(NewMessage::id).toList();
    }

    /**
     * Stores a message that is settled in the same transaction as its effect, under an id the caller
     * chose beforehand (the effect refers to it): one insert instead of an insert and an update.
     */
    @Transactional
    public void record(UUID id, InboundMessage message, MessageStatus status, String reason) {
        NewMessage row = sealed(id, message);
        queries.insertSettled(row, status, reason == null ? null : storableReason(reason), now());
        metrics.count(Map.of(message.flow(), 1), status);
    }

    @Transactional
    public void processed(UUID id) {
        settle(List.of(id), MessageStatus.PROCESSED, null);
    }

    @Transactional
    public void processedAll(Collection<UUID> ids) {
        settle(ids, MessageStatus.PROCESSED, null);
    }

    @Transactional
    public void duplicate(UUID id) {
        settle(List.of(id), MessageStatus.DUPLICATE, null);
    }

    @Transactional
    public void duplicateAll(Collection<UUID> ids) {
        settle(ids, MessageStatus.DUPLICATE, null);
    }

    /** Marks the message ERROR; the reason is stored with identity codes masked, cut to 2000 characters. */
    @Transactional
    public void failed(UUID id, String reason) {
        settle(List.of(id), MessageStatus.ERROR, storableReason(reason));
    }

    @Transactional(readOnly = true)
    public Optional<StoredMessage> find(UUID id) {
        return queries.find(id).map(row -> {
            MessageSummary s = row.summary();
            return new StoredMessage(s.id(), s.flow(), s.sourceId(), s.tenant(), s.keys(), s.status(), s.attempts(),
                    s.reason(), row.contentType(), row.contentHash(), s.receivedAt(), s.updatedAt(),
                    row.encoding().decode(cipher.open(s.id(), row.body())));
        });
    }

    /** Whether a message with this id is stored, without reading (or decrypting) it. */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return queries.exists(id);
    }

    /** True when a message of the flow with the same source id and body was already PROCESSED or DUPLICATE. */
    @Transactional(readOnly = true)
    public boolean alreadyProcessed(String flow, String sourceId, String contentHash) {
        return queries.doneBefore(flow, sourceId, contentHash);
    }

    /** An operator's read: the message, with a READ row in the audit. */
    @Transactional
    public StoredMessage read(UUID id, String actor) {
        StoredMessage message = find(id).orElseThrow(() -> new UnknownMessageException(id));
        queries.audit(id, AuditAction.READ, actor, null, now());
        return message;
    }

    /** Records a replay's outcome and its REPLAY audit row together. */
    @Transactional
    public void replayed(UUID id, ReplayOutcome outcome, String actor, String detail) {
        settle(List.of(id), outcome.status(), storableReason(outcome.reason()));
        queries.audit(id, AuditAction.REPLAY, actor, storableReason(detail), now());
    }

    /** A replay that was not run (the message was already done), audited all the same. */
    @Transactional
    public void replaySkipped(UUID id, String actor, String detail) {
        queries.audit(id, AuditAction.REPLAY, actor, detail, now());
    }

    private void settle(Collection<UUID> ids, MessageStatus status, String reason) {
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        Map<String, Integer> perFlow = queries.setStatus(distinct, status, reason, now());
        int changed = perFlow.values().stream().mapToInt(Integer::intValue).sum();
        if (changed != distinct.size()) {
            throw new UnknownMessageException(firstMissing(distinct));
        }
        metrics.count(perFlow, status);
    }

    private UUID firstMissing(Set<UUID> ids) {
        return ids.stream().filter(id -> queries.find(id).isEmpty()).findFirst().orElse(ids.iterator().next());
    }

    private NewMessage sealed(InboundMessage message) {
        return sealed(UUID.randomUUID(), message);
    }

    private NewMessage sealed(UUID id, InboundMessage message) {
        BodyEncoding.Encoded encoded = BodyEncoding.encode(message.body());
        return new NewMessage(id, message, cipher.seal(id, encoded.bytes()), encoded.encoding(),
                ContentHash.of(message.body()));
    }

    static String storableReason(String reason) {
        String masked = PersonalDataMasker.mask(reason);
        return masked == null || masked.length() <= MAX_REASON_LENGTH ? masked : masked.substring(0, MAX_REASON_LENGTH);
    }

    /** Microseconds: what PostgreSQL keeps, so a time read back equals the time written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
