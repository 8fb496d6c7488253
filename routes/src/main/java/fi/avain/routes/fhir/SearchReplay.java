package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.ResourceBinding;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.rest.server.method.IParameter;
import ca.uhn.fhir.rest.server.method.SearchMethodBinding;
import java.util.List;
import java.util.Map;

/**
 * Runs a search again for one of its later pages, through the method HAPI picked for it the first time: HAPI
 * matches the parameters to a provider's {@code @Search} method and reads them into its arguments as it did
 * then, so every provider's searches page without code of their own, and each runs its own access checks
 * again. The search runs on a request of its own, so the page's request (its {@code _getpagesoffset},
 * {@code _count} and self link) stays as it came, and the server's interceptors see one request, not two.
 */
final class SearchReplay implements PortalPaging.Searches {
    private final RestfulServer server;

    SearchReplay(RestfulServer server) {
        this.server = server;
    }

    @Override
    public IBundleProvider search(RequestDetails page, String resourceType, Map<String, String[]> parameters) {
        SystemRequestDetails again = new SystemRequestDetails();
        again.setServer(server);
        again.setFhirContext(server.getFhirContext());
        again.setFhirServerBase(page.getFhirServerBase());
        again.setRequestType(RequestTypeEnum.GET);
        again.setResourceName(resourceType);
        again.setParameters(parameters);
        if (!(method(again) instanceof SearchMethodBinding search)) {
            throw new ResourceNotFoundException(PortalPaging.GONE);
        }
        List<IParameter> declared = search.getParameters();
        Object[] arguments = new Object[declared.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = declared.get(i).translateQueryParametersIntoServerArgument(again, search);
        }
        return search.invokeServer(server, again, arguments);
    }

    private BaseMethodBinding method(RequestDetails request) {
        for (ResourceBinding binding : server.getResourceBindings()) {
            if (binding.getResourceName().equals(request.getResourceName())) {
                return binding.getMethod(request);
            }
        }
        return null;
    }
}
