package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.BasePagingProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Keeps each search's results for its paging links ({@code _getpages}), in memory, the oldest dropped first.
 * A paging link is served only to the caller who searched, with the access they had then: anyone else (another
 * person, another county's token, the same person whose grants have since changed) is answered as for a
 * paging id that never existed. That answer never repeats the id, which a caller may have filled with
 * anything, an identity code included; and this provider never reports an unknown id to HAPI, which would
 * write it to the log.
 */
final class PortalPaging extends BasePagingProvider {
    static final String GONE = "These search results do not exist or have expired; search again.";

    private final Supplier<Object> caller;
    private final Map<String, Kept> kept;

    private record Kept(Object caller, IBundleProvider results) {
    }

    /**
     * @param capacity how many searches to keep
     * @param caller   who is calling now, compared with {@code equals}: the paging id is theirs alone
     */
    PortalPaging(int capacity, Supplier<Object> caller) {
        this.caller = caller;
        this.kept = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String storeResultList(RequestDetails request, IBundleProvider results) {
        Kept search = new Kept(caller.get(), results);
        String id = UUID.randomUUID().toString();
        synchronized (kept) {
            kept.put(id, search);
        }
        return id;
    }

    @Override
    public IBundleProvider retrieveResultList(RequestDetails request, String id) {
        Kept search;
        synchronized (kept) {
            search = kept.get(id);
        }
        if (search == null || !search.caller().equals(caller.get())) {
            throw new ResourceNotFoundException(GONE);
        }
        return search.results();
    }

    /** Named pages ({@code _pageId}) are for providers that page themselves; none here does. */
    @Override
    public IBundleProvider retrieveResultList(RequestDetails request, String id, String pageId) {
        throw new ResourceNotFoundException(GONE);
    }
}
