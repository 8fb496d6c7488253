package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Paging links belong to the caller who searched; for anyone else, and for an id never given, they do not exist. */
class PortalPagingTest {
    final AtomicReference<Object> caller = new AtomicReference<>("client");
    final PortalPaging paging = new PortalPaging(2, caller::get);
    final IBundleProvider results = new SimpleBundleProvider(3);

    @Test
    void theSearcherFollowsTheLink() {
        String id = paging.storeResultList(null, results);

        assertThat(paging.retrieveResultList(null, id)).isSameAs(results);
    }

    @Test
    void anotherCallerIsAnsweredAsForAnIdNeverGiven() {
        String id = paging.storeResultList(null, results);
        caller.set("another county's token for the same person");

        assertThatThrownBy(() -> paging.retrieveResultList(null, id)).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage(PortalPaging.GONE);
        caller.set("client");
        assertThat(paging.retrieveResultList(null, id)).isSameAs(results);
    }

    @Test
    void anUnknownIdIsA404ThatDoesNotRepeatIt() {
        // HAPI logs the id of any search its paging provider does not return, and echoes it in the answer
        assertThatThrownBy(() -> paging.retrieveResultList(null, "010190-123M"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage(PortalPaging.GONE)
                .hasMessageNotContaining("010190-123M");
        assertThatThrownBy(() -> paging.retrieveResultList(null, paging.storeResultList(null, results), "p1"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theOldestSearchIsDroppedFirst() {
        String first = paging.storeResultList(null, results);
        String second = paging.storeResultList(null, results);
        String third = paging.storeResultList(null, results);

        assertThatThrownBy(() -> paging.retrieveResultList(null, first)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(paging.retrieveResultList(null, second)).isSameAs(results);
        assertThat(paging.retrieveResultList(null, third)).isSameAs(results);
    }
}
