package fi.avain.routes.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * HAPI's plain RESTful server with Avain's providers. Errors leave as OperationOutcome with the HTTP
 * status HAPI's exceptions carry; JSON unless the caller asks for XML.
 */
public class AvainFhirServer extends RestfulServer {
    private final transient List<IResourceProvider> providers;
    private final transient FhirSettings settings;

    AvainFhirServer(FhirContext context, List<IResourceProvider> providers, FhirSettings settings) {
        super(context);
        this.providers = List.copyOf(providers);
        this.settings = settings;
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
    protected void initialize() {
        setServerName("Avain");
        setImplementationDescription("Avain citizen portal: the personal budget as FHIR R4");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setResourceProviders(providers);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(settings.pagedSearches());
        paging.setDefaultPageSize(settings.defaultPageSize());
        paging.setMaximumPageSize(settings.maxPageSize());
        setPagingProvider(paging);
        registerInterceptor(new MaskedErrors());
    }
}
