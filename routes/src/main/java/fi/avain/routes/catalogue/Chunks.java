package fi.avain.routes.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits a list into consecutive chunks of at most a given size: PTV's list limit, SQL IN lists. */
final class Chunks {
    private Chunks() {
    }

    static <T> List<List<T>> of(Collection<T> values, int size) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }
}
