package fi.avain.routes.messages;

import fi.avain.routes.messages.MessageSearchQueries.Candidate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Hands stored messages back to their flow's {@link MessageReplayer}. Idempotent: a message already
 * PROCESSED or DUPLICATE is not replayed again. Every replay, run or skipped, is audited.
 */
@Component
public class MessageReplay {
    static final int MAX_PER_CALL = 1000;

    private final MessageStore store;
    private final MessageSearchQueries search;
    private final Map<String, MessageReplayer> replayers;

    MessageReplay(MessageStore store, MessageSearchQueries search, List<MessageReplayer> replayers) {
        this.store = store;
        this.search = search;
        // toMap refuses two replayers for one flow, so a wiring mistake stops start-up.
        this.replayers = replayers.stream().collect(Collectors.toUnmodifiableMap(MessageReplayer::flow, Function.identity()));
    }

    /** Replays one message; throws {@link UnknownMessageException} or, if it is not done, {@link NoReplayerException}. */
    public ReplayResult replay(UUID id, String actor) {
        StoredMessage message = store.find(id).orElseThrow(() -> new UnknownMessageException(id));
        if (!message.status().isDone()) {
            requireReplayers(Set.of(message.flow()));
        }
        return replay(message, actor);
    }

    /**
     * Replays the oldest {@value #MAX_PER_CALL} messages matching the filter, each in its own
     * transaction. If any of their flows has no replayer, nothing is replayed.
     */
    public BulkReplayResult replayAll(MessageFilter filter, String actor) {
        List<Candidate> candidates = search.candidates(filter, MAX_PER_CALL);
        requireReplayers(candidates.stream().filter(c -> !c.status().isDone()).map(Candidate::flow)
                .collect(Collectors.toSet()));
        return BulkReplayResult.of(candidates.stream()
                .flatMap(c -> store.find(c.id()).stream())
                .map(message -> replay(message, actor))
                .toList());
    }

    private ReplayResult replay(StoredMessage message, String actor) {
        MessageStatus before = message.status();
        if (before.isDone()) {
            String reason = "not replayed: already " + before;
            store.replaySkipped(message.id(), actor, reason);
            return new ReplayResult(message.id(), before, before, reason);
        }
        ReplayOutcome outcome = attempt(replayers.get(message.flow()), message);
        String reason = MessageStore.storableReason(outcome.reason());
        store.replayed(message.id(), outcome, actor, before + " -> " + outcome.status() + (reason == null ? "" : ": " + reason));
        return new ReplayResult(message.id(), before, outcome.status(), reason);
    }

    private static ReplayOutcome attempt(MessageReplayer replayer, StoredMessage message) {
        try {
            ReplayOutcome outcome = replayer.replay(message);
            return outcome == null ? ReplayOutcome.failed("replayer gave no outcome") : outcome;
        } catch (RuntimeException e) {
            return ReplayOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void requireReplayers(Set<String> flows) {
        Set<String> missing = flows.stream().filter(flow -> !replayers.containsKey(flow)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            throw new NoReplayerException(missing);
        }
    }
}
