package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A search's results as HAPI pages them. HAPI serves a later page in a request of its own, from results it
 * kept, past the search method; so each page, the first and every later one, is handed out through
 * {@link Page#serve}, which checks that the caller may see it and audits it.
 */
final class SearchPages extends SimpleBundleProvider {

    interface Page {
        /** The results from {@code from} (inclusive) to {@code to} (exclusive), checked and audited. */
        List<? extends IBaseResource> serve(int from, int to);
    }

    private final Page page;

    private SearchPages(int size, Page page) {
        super(size);
        this.page = page;
    }

    /**
     * Results read a page at a time. A search that found nothing is served (and so audited) at once: HAPI
     * asks no page of it.
     */
    static IBundleProvider paged(int size, Page page) {
        if (size == 0) {
            page.serve(0, 0);
        }
        return new SearchPages(size, page);
    }

    /** Results found at once; {@code serve} checks and audits the part of them each page holds. */
    static <T extends IBaseResource> IBundleProvider of(List<T> found, Function<List<T>, List<T>> serve) {
        List<T> all = List.copyOf(found);
        return paged(all.size(), (from, to) -> serve.apply(all.subList(Math.min(from, all.size()),
                Math.min(Math.max(from, to), all.size()))));
    }

    @Override
    public List<IBaseResource> getResources(int from, int to, ResponsePage.ResponsePageBuilder builder) {
        return List.copyOf(page.serve(from, to));
    }
}
