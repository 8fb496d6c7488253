package fi.avain.routes.messages;

import java.util.List;

/**
 * A query's replay. {@code replayed} messages were handed to their replayer and ended {@code processed}
 * (PROCESSED or DUPLICATE) or {@code failed}; {@code skipped} ones were already done and left as they were.
 */
public record BulkReplayResult(int replayed, int processed, int failed, int skipped, List<ReplayResult> items) {

    static BulkReplayResult of(List<ReplayResult> items) {
        int skipped = (int) items.stream().filter(ReplayResult::skipped).count();
        int failed = (int) items.stream().filter(r -> !r.skipped() && r.status() == MessageStatus.ERROR).count();
        int replayed = items.size() - skipped;
        return new BulkReplayResult(replayed, replayed - failed, failed, skipped, List.copyOf(items));
    }
}
