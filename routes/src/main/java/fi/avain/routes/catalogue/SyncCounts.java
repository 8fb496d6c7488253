package fi.avain.routes.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What a sync did, item by item; becomes the job summary. */
final class SyncCounts {
    final AtomicLong fetched = new AtomicLong();
    final AtomicLong created = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("fetched", fetched.get());
        map.put("created", created.get());
        map.put("updated", updated.get());
        map.put("unchanged", unchanged.get());
        map.put("deleted", deleted.get());
        map.put("failed", failed.get());
        return map;
    }
}
