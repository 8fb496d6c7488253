package fi.avain.routes.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.ResourceBinding;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * HAPI's plain RESTful server with Avain's providers. Errors leave as OperationOutcome with the HTTP
 * status HAPI's exceptions carry; JSON unless the caller asks for XML.
 */
public class AvainFhirServer extends RestfulServer {
    private final transient List<IResourceProvider> providers;
    private final transient FhirSettings settings;
    private final transient PagingTokens tokens;
    private final transient Clock clock;
    private final transient Supplier<String> caller;
    private final transient RequestParameters parameters = new RequestParameters(this);

    /**
     * @param tokens seal the paging links: every node with the same key serves every node's links
     * @param caller who is calling and what they may see, for the paging links: each is served only to the
     *               caller who searched, while that is unchanged
     */
    AvainFhirServer(FhirContext context, List<IResourceProvider> providers, FhirSettings settings,
                    PagingTokens tokens, Clock clock, Supplier<String> caller) {
        super(context);
        this.providers = List.copyOf(providers);
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
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

    /**
     * HAPI answers an interaction no provider has (PUT or DELETE on a Patient, POST of an Account) with a
     * 400; FHIR's is a 405 naming the methods the URL does take.
     */
    @Override
    public BaseMethodBinding determineResourceMethod(RequestDetails request, String path) {
        try {
            return super.determineResourceMethod(request, path);
        } catch (InvalidRequestException unhandled) {
            Set<RequestTypeEnum> allowed = allowedMethods(request);
            if (allowed == null || allowed.contains(request.getRequestType())) {
                throw unhandled;
            }
            String url = request.getResourceName() + (request.getId() == null ? "" : "/{id}");
            throw new MethodNotAllowedException(request.getRequestType() + " is not allowed on " + url + "; it takes "
                    + (allowed.isEmpty() ? "no method" : allowed.stream().map(Enum::name).sorted()
                    .reduce((a, b) -> a + ", " + b).orElseThrow()) + ".",
                    allowed.toArray(RequestTypeEnum[]::new));
        }
    }

    /**
     * The methods a plain resource URL ({@code /Type} or {@code /Type/{id}}) takes, or null for another URL
     * (an operation, a history, a resource type nobody serves), which HAPI answers itself.
     */
    private Set<RequestTypeEnum> allowedMethods(RequestDetails request) {
        if (request.getResourceName() == null || request.getOperation() != null || request.getCompartmentName() != null
                || request.getId() != null && request.getId().hasVersionIdPart()) {
            return null;
        }
        boolean instance = request.getId() != null;
        Set<RequestTypeEnum> allowed = EnumSet.noneOf(RequestTypeEnum.class);
        boolean served = false;
        for (ResourceBinding binding : getResourceBindings()) {
            if (!request.getResourceName().equals(binding.getResourceName())) {
                continue;
            }
            served = true;
            for (BaseMethodBinding method : binding.getMethodBindings()) {
                switch (method.getRestOperationType()) {
                    case READ -> add(allowed, instance, RequestTypeEnum.GET);
                    case UPDATE -> add(allowed, instance, RequestTypeEnum.PUT);
                    case DELETE -> add(allowed, instance, RequestTypeEnum.DELETE);
                    case PATCH -> add(allowed, instance, RequestTypeEnum.PATCH);
                    case SEARCH_TYPE -> add(allowed, !instance, RequestTypeEnum.GET);
                    case CREATE -> add(allowed, !instance, RequestTypeEnum.POST);
                    default -> {
                        // operations and histories have URLs of their own
                    }
                }
            }
        }
        return served ? allowed : null;
    }

    private static void add(Set<RequestTypeEnum> allowed, boolean applies, RequestTypeEnum method) {
        if (applies) {
            allowed.add(method);
        }
    }

    @Override
    protected void initialize() {
        setServerName("Avain");
        setImplementationDescription("Avain citizen portal: the personal budget as FHIR R4");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setResourceProviders(providers);
        PortalPaging paging = new PortalPaging(tokens, settings.pageLinkLifetime(), clock, caller,
                new SearchReplay(this));
        paging.setDefaultPageSize(settings.defaultPageSize());
        paging.setMaximumPageSize(settings.maxPageSize());
        setPagingProvider(paging);
        registerInterceptor(new MaskedErrors());
    }
}
