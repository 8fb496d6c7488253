package fi.avain.routes.messages;

import java.time.Instant;

/**
 * Rows a flow keeps beside its messages (answers kept for repeats, for example), pruned by the
 * retention job with the flow's own retention period.
 */
public interface RetainedWithFlow {
    String flow();

    /** Deletes what is older than the cutoff; answers how many rows went. */
    int pruneBefore(Instant cutoff);
}
