package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fi.avain.routes.messages.EncryptionKey;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletConfig;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Two FHIR servers built from the same settings, as two nodes behind a load balancer are (or one node before
 * and after a restart), over the same data: a paging link one of them wrote is served by the other, to the
 * caller who searched, with the page computed there and then.
 */
class PagingAcrossServersTest {
    static final String HETU = "010190-123M";
    static final String IDENTIFIER = "urn:oid:1.2.246.21|" + HETU;
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final FhirSettings SETTINGS = new FhirSettings(null, null, null);

    /** The data both servers read, as PostgreSQL is for two nodes. */
    final List<String> patients = new CopyOnWriteArrayList<>(List.of("p1", "p2", "p3"));
    final AtomicReference<String> caller = new AtomicReference<>("citizen-1|grants:budget");
    final Node a = new Node();
    final Node b = new Node();

    @AfterEach
    void stop() {
        a.server.destroy();
        b.server.destroy();
    }

    @Test
    void aLinkWrittenByOneServerIsServedByTheOther() {
        Bundle first = a.get("/Patient", "identifier=" + IDENTIFIER + "&_count=1");
        assertThat(ids(first)).containsExactly("p1");
        String next = first.getLink("next").getUrl();
        assertThat(next).doesNotContain(HETU).doesNotContain("010190").doesNotContain("identifier");

        Bundle second = b.get("", query(next));

        assertThat(ids(second)).containsExactly("p2");
        assertThat(b.searches).as("the search ran again on the other server").containsExactly(IDENTIFIER);
        assertThat(b.served).as("the other server served and checked the page").containsExactly("p2");
        Bundle third = a.get("", query(second.getLink("next").getUrl()));
        assertThat(ids(third)).containsExactly("p3");
        assertThat(third.getLink("next")).isNull();
    }

    @Test
    void theOtherServerServesNobodyElse() {
        String next = a.get("/Patient", "identifier=" + IDENTIFIER + "&_count=1").getLink("next").getUrl();
        caller.set("citizen-1|grants:");

        MockHttpServletResponse refused = b.send("", query(next));

        assertThat(refused.getStatus()).isEqualTo(404);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, body(refused));
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo(PortalPaging.GONE);
        assertThat(body(refused)).doesNotContain(query(next).split("&")[0].substring("_getpages=".length()));
        assertThat(b.searches).as("nothing ran for a caller the link is not theirs").isEmpty();
        assertThat(b.served).isEmpty();
    }

    @Test
    void aPageShowsTheDataAsItIsWhenItIsServed() {
        String next = a.get("/Patient", "identifier=" + IDENTIFIER + "&_count=1").getLink("next").getUrl();
        patients.remove("p2");

        assertThat(ids(b.get("", query(next)))).containsExactly("p3");
    }

    /** One server, with a provider of its own over the shared data. */
    final class Node {
        final List<String> searches = new CopyOnWriteArrayList<>();
        final List<String> served = new CopyOnWriteArrayList<>();
        final AvainFhirServer server = new AvainFhirServer(FHIR, List.of(new Patients(this)), SETTINGS,
                new PagingTokens(new EncryptionKey("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")),
                Clock.systemUTC(), caller::get);

        Node() {
            try {
                server.init(new MockServletConfig("fhir"));
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
        }

        Bundle get(String path, String query) {
            MockHttpServletResponse response = send(path, query);
            assertThat(response.getStatus()).as(body(response)).isEqualTo(200);
            return FHIR.newJsonParser().parseResource(Bundle.class, body(response));
        }

        MockHttpServletResponse send(String path, String query) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir" + path);
            request.setServletPath("/fhir");
            request.setPathInfo(path.isEmpty() ? null : path);
            request.setQueryString(query);
            MultiValueMap<String, String> parameters = UriComponentsBuilder.fromUriString("http://localhost/fhir?"
                    + query).build().getQueryParams();
            parameters.forEach((name, values) -> values.forEach(value -> request.addParameter(name,
                    UriUtils.decode(value, StandardCharsets.UTF_8))));
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                server.service(request, response);
            } catch (ServletException | IOException e) {
                throw new IllegalStateException(e);
            }
            return response;
        }
    }

    /** Patients by identifier: every patient the data holds, each page noted as it is served. */
    final class Patients implements IResourceProvider {
        private final Node node;

        Patients(Node node) {
            this.node = node;
        }

        @Override
        public Class<Patient> getResourceType() {
            return Patient.class;
        }

        @Search
        public IBundleProvider byIdentifier(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
            node.searches.add(identifier.getSystem() + "|" + identifier.getValue());
            List<Patient> found = patients.stream().map(id -> (Patient) new Patient().setId(id)).toList();
            return SearchPages.of(found, page -> {
                page.forEach(p -> node.served.add(p.getIdElement().getIdPart()));
                return page;
            });
        }
    }

    static String query(String link) {
        return link.substring(link.indexOf('?') + 1);
    }

    static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
