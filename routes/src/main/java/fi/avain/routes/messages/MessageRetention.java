package fi.avain.routes.messages;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Deletes PROCESSED and DUPLICATE messages older than their flow's retention ({@code
 * avain.messages.retention.<flow>}, else {@code .default}), with their business keys. ERROR messages
 * wait for an operator and RECEIVED ones are not finished, so neither is ever pruned. Audit rows stay:
 * they record who saw personal data, which must be answerable after the message itself is gone.
 */
@Component
public class MessageRetention {
    /** Rows per delete statement, so a first run over a large backlog does not hold one huge transaction. */
    static final int DELETE_CHUNK = 10_000;
    /** Bounds the loop per flow; a backlog larger than this is finished by the next run. */
    private static final int MAX_CHUNKS_PER_RUN = 1_000;

    private final MessageQueries queries;
    private final MessageStoreSettings settings;

    MessageRetention(MessageQueries queries, MessageStoreSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    /** Deletes what is past retention at {@code now}; answers how many messages went, per flow (flows with none left out). */
    public Map<String, Integer> prune(Instant now) {
        Map<String, Integer> deleted = new TreeMap<>();
        List<String> flows = queries.prunableFlows();
        for (String flow : flows) {
            int count = pruneFlow(flow, now.minus(settings.retentionFor(flow)));
            if (count > 0) {
                deleted.put(flow, count);
            }
        }
        return deleted;
    }

    private int pruneFlow(String flow, Instant cutoff) {
        int total = 0;
        for (int chunk = 0; chunk < MAX_CHUNKS_PER_RUN; chunk++) {
            int deleted = queries.deleteDone(flow, cutoff, DELETE_CHUNK);
            total += deleted;
            if (deleted < DELETE_CHUNK) {
                break;
            }
        }
        return total;
    }
}
