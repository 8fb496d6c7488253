package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.BasePagingProvider;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Paging links ({@code _getpages}) that any node can serve: the link's id is the search itself, sealed
 * ({@link PagingTokens}), and each page runs the search again, so nothing is kept between requests and a
 * link works on every node with the same key, after a restart too. Pages are therefore not a snapshot: what
 * changed between two pages shows on the later one.
 *
 * <p>A paging link is served only to the caller who searched, and only while what they may see is what it was
 * at the search; each page is then checked and audited as the first was. Anyone else (another person,
 * another county's token, the same person whose grants have since changed), like a link that has expired or
 * was altered, is answered as for a paging id that never existed. That answer never repeats the id, which a
 * caller may have filled with anything, an identity code included; and this provider never reports an
 * unknown id to HAPI, which would write it to the log.
 */
final class PortalPaging extends BasePagingProvider {
    static final String GONE = "These search results do not exist or have expired; search again.";
    /** Parameters a paging link carries itself, or that shape the answer rather than choose what is found. */
    private static final Set<String> NOT_THE_SEARCH = Set.of(Constants.PARAM_COUNT, Constants.PARAM_FORMAT,
            Constants.PARAM_PRETTY, Constants.PARAM_SUMMARY, Constants.PARAM_ELEMENTS, Constants.PARAM_PAGINGACTION,
            Constants.PARAM_PAGINGOFFSET, Constants.PARAM_BUNDLETYPE, Constants.PARAM_PAGEID);

    /** Runs a search again, on the request for one of its later pages. */
    interface Searches {
        IBundleProvider search(RequestDetails request, String resourceType, Map<String, String[]> parameters);
    }

    private final PagingTokens tokens;
    private final Duration lifetime;
    private final Clock clock;
    private final Supplier<String> caller;
    private final Searches searches;

    /**
     * @param lifetime how long after the search its links work
     * @param caller   who is calling now and what they may see, written the same way every time: a link is
     *                 served only while this is what it was at the search
     */
    PortalPaging(PagingTokens tokens, Duration lifetime, Clock clock, Supplier<String> caller, Searches searches) {
        this.tokens = tokens;
        this.lifetime = lifetime;
        this.clock = clock;
        this.caller = caller;
        this.searches = searches;
    }

    @Override
    public String storeResultList(RequestDetails request, IBundleProvider results) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!NOT_THE_SEARCH.contains(name)) {
                parameters.put(name, List.of(values));
            }
        });
        PagingTokens.Search search = new PagingTokens.Search(request.getResourceName(), parameters,
                fingerprint(), clock.instant().plus(lifetime));
        return tokens.seal(search).orElseThrow(() -> new InvalidRequestException("This search is too long for a "
                + "paging link: narrow it, or ask for all of it in one page with a larger _count."));
    }

    @Override
    public IBundleProvider retrieveResultList(RequestDetails request, String id) {
        Optional<PagingTokens.Search> opened = tokens.open(id);
        if (opened.isEmpty() || !clock.instant().isBefore(opened.get().expires())
                || !MessageDigest.isEqual(bytes(opened.get().caller()), bytes(fingerprint()))) {
            throw new ResourceNotFoundException(GONE);
        }
        PagingTokens.Search search = opened.get();
        try {
            return searches.search(request, search.resourceType(), search.asRequestParameters());
        } catch (BaseServerResponseException refused) {
            // what the search named (a client, an account) is gone since: so are its results
            if (refused.getStatusCode() >= 400 && refused.getStatusCode() < 500) {
                throw new ResourceNotFoundException(GONE);
            }
            throw refused;
        }
    }

    /** Named pages ({@code _pageId}) are for providers that page themselves; none here does. */
    @Override
    public IBundleProvider retrieveResultList(RequestDetails request, String id, String pageId) {
        throw new ResourceNotFoundException(GONE);
    }

    private String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(caller.get().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
