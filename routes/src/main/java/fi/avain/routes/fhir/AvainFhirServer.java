package fi.avain.routes.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * HAPI's plain RESTful server with Avain's providers. Errors leave as OperationOutcome with the HTTP
 * status HAPI's exceptions carry; JSON unless the caller asks for XML.
 */
public class AvainFhirServer extends RestfulServer {
    private final transient List<IResourceProvider> providers;
    private final transient FhirSettings settings;
    private final transient Supplier<Object> caller;
    private final transient RequestParameters parameters = new RequestParameters(this);

    /** @param caller who is calling, for the paging links: each is served only to the caller who searched */
    AvainFhirServer(FhirContext context, List<IResourceProvider> providers, FhirSettings settings,
                    Supplier<Object> caller) {
        super(context);
        this.providers = List.copyOf(providers);
        this.settings = settings;
        this.caller = caller;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        BufferedResponse buffered = new BufferedResponse(response);
        try {
            super.service(request, buffered);
        } finally {
            buffered.finish();
        }
    }

    @Override
    protected void validateRequest(ServletRequestDetails request) {
        super.validateRequest(request);
        parameters.check(request);
    }

    @Override
    protected void initialize() {
        setServerName("Avain");
        setImplementationDescription("Avain citizen portal: the personal budget as FHIR R4");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setResourceProviders(providers);
        PortalPaging paging = new PortalPaging(settings.pagedSearches(), caller);
        paging.setDefaultPageSize(settings.defaultPageSize());
        paging.setMaximumPageSize(settings.maxPageSize());
        setPagingProvider(paging);
        registerInterceptor(new MaskedErrors());
    }
}
