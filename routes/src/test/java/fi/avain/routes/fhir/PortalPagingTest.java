package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Paging links belong to the caller who searched, for a while; for anyone else, after that, and for an id
 * never given, they do not exist. Nothing is kept: a link is served by any instance with the same key.
 */
class PortalPagingTest {
    static final String HETU = "010190-123M";
    static final Instant SEARCHED = Instant.parse("2026-03-02T08:00:00Z");
    static final Duration LIFETIME = Duration.ofMinutes(30);

    final AtomicReference<String> caller = new AtomicReference<>("client");
    final IBundleProvider results = new SimpleBundleProvider(3);
    /** The searches run again, as type and parameters. */
    final List<String> ranAgain = new ArrayList<>();
    PortalPaging.Searches searches = (request, type, parameters) -> {
        ranAgain.add(type + " " + describe(parameters));
        return results;
    };

    @Test
    void theSearcherFollowsTheLinkAndTheSearchRunsAgainWithItsOwnParameters() {
        String id = paging(SEARCHED).storeResultList(search("Account", Map.of("patient", new String[] {"Patient/1"},
                "_count", new String[] {"1"}, "_format", new String[] {"json"})), results);

        assertThat(paging(SEARCHED.plusSeconds(60)).retrieveResultList(null, id)).isSameAs(results);
        assertThat(ranAgain).containsExactly("Account patient=[Patient/1]");
    }

    @Test
    void anotherInstanceWithTheSameKeyServesTheLink() {
        String id = paging(SEARCHED).storeResultList(search("Patient", identifier()), results);
        PortalPaging restarted = new PortalPaging(new PagingTokens(PagingTokensTest.KEY), LIFETIME,
                Clock.fixed(SEARCHED, ZoneOffset.UTC), caller::get, searches);

        assertThat(restarted.retrieveResultList(null, id)).isSameAs(results);
        assertThat(ranAgain).containsExactly("Patient identifier=[urn:oid:1.2.246.21|" + HETU + "]");
    }

    @Test
    void theLinkCarriesNoSearchValue() {
        String id = paging(SEARCHED).storeResultList(search("Patient", identifier()), results);

        assertThat(id).doesNotContain(HETU).doesNotContain("010190").doesNotContain("identifier");
    }

    @Test
    void anotherCallerIsAnsweredAsForAnIdNeverGiven() {
        String id = paging(SEARCHED).storeResultList(search("Patient", identifier()), results);
        caller.set("another county's token for the same person");

        assertGone(() -> paging(SEARCHED).retrieveResultList(null, id));
        caller.set("client");
        assertThat(paging(SEARCHED).retrieveResultList(null, id)).isSameAs(results);
        assertThat(ranAgain).as("a refused link runs nothing").hasSize(1);
    }

    @Test
    void aLinkExpiresAfterItsLifetime() {
        String id = paging(SEARCHED).storeResultList(search("Patient", identifier()), results);

        assertThat(paging(SEARCHED.plus(LIFETIME).minusSeconds(1)).retrieveResultList(null, id)).isSameAs(results);
        assertGone(() -> paging(SEARCHED.plus(LIFETIME)).retrieveResultList(null, id));
        assertThat(ranAgain).hasSize(1);
    }

    @Test
    void anAlteredLinkOrOneSealedWithAnotherKeyIsGone() {
        String id = paging(SEARCHED).storeResultList(search("Patient", identifier()), results);
        int middle = id.length() / 2;
        String altered = id.substring(0, middle) + (id.charAt(middle) == 'A' ? 'B' : 'A') + id.substring(middle + 1);
        PortalPaging otherKey = new PortalPaging(new PagingTokens(PagingTokensTest.OTHER_KEY), LIFETIME,
                Clock.fixed(SEARCHED, ZoneOffset.UTC), caller::get, searches);

        assertGone(() -> paging(SEARCHED).retrieveResultList(null, altered));
        assertGone(() -> otherKey.retrieveResultList(null, id));
        assertThat(ranAgain).isEmpty();
    }

    @Test
    void anUnknownIdIsA404ThatDoesNotRepeatIt() {
        // HAPI logs the id of any search its paging provider does not return, and echoes it in the answer
        assertThatThrownBy(() -> paging(SEARCHED).retrieveResultList(null, HETU))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage(PortalPaging.GONE)
                .hasMessageNotContaining(HETU);
        String id = paging(SEARCHED).storeResultList(search("Patient", identifier()), results);
        assertGone(() -> paging(SEARCHED).retrieveResultList(null, id, "p1"));
    }

    @Test
    void aSearchWhoseSubjectIsGoneSinceIsGoneButAFailureStaysOne() {
        String id = paging(SEARCHED).storeResultList(search("Account", Map.of("patient",
                new String[] {"Patient/1"})), results);
        searches = (request, type, parameters) -> {
            throw new ResourceNotFoundException("Patient/1");
        };
        assertGone(() -> paging(SEARCHED).retrieveResultList(null, id));

        searches = (request, type, parameters) -> {
            throw new InternalErrorException("the database is down");
        };
        assertThatThrownBy(() -> paging(SEARCHED).retrieveResultList(null, id))
                .isInstanceOf(InternalErrorException.class);
    }

    @Test
    void aSearchTooLongForALinkIsRefusedWithoutRepeatingIt() {
        RequestDetails huge = search("Patient", Map.of("identifier", new String[] {"x".repeat(5000) + HETU}));

        assertThatThrownBy(() -> paging(SEARCHED).storeResultList(huge, results))
                .isInstanceOf(InvalidRequestException.class).hasMessageNotContaining(HETU);
    }

    /** A fresh instance, as another node or a restarted one has, whose clock says {@code now}. */
    PortalPaging paging(Instant now) {
        return new PortalPaging(new PagingTokens(PagingTokensTest.KEY), LIFETIME, Clock.fixed(now, ZoneOffset.UTC),
                caller::get, (request, type, parameters) -> searches.search(request, type, parameters));
    }

    static RequestDetails search(String type, Map<String, String[]> parameters) {
        SystemRequestDetails request = new SystemRequestDetails();
        request.setResourceName(type);
        request.setParameters(new LinkedHashMap<>(parameters));
        return request;
    }

    static Map<String, String[]> identifier() {
        return Map.of("identifier", new String[] {"urn:oid:1.2.246.21|" + HETU});
    }

    static void assertGone(org.assertj.core.api.ThrowableAssert.ThrowingCallable retrieve) {
        assertThatThrownBy(retrieve).isInstanceOf(ResourceNotFoundException.class).hasMessage(PortalPaging.GONE);
    }

    static String describe(Map<String, String[]> parameters) {
        List<String> written = new ArrayList<>();
        parameters.forEach((name, values) -> written.add(name + "=" + List.of(values)));
        return String.join("&", written);
    }
}
