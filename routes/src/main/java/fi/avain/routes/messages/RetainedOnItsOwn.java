package fi.avain.routes.messages;

import java.time.Instant;

/** Rows kept for a period of their own, not a flow's (the portal's audit), pruned by the retention job. */
public interface RetainedOnItsOwn {
    /** The name the job's summary counts them under. */
    String name();

    /** Deletes what is past its retention at {@code now}; answers how many rows went. */
    int prune(Instant now);
}
