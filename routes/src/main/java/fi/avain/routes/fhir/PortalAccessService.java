package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fi.avain.budget.Budgets;
import fi.avain.budget.Representatives;
import fi.avain.mappings.fhir.Grant;
import fi.avain.mappings.fhir.PortalRepresentative;
import fi.avain.routes.security.Caller;
import fi.avain.routes.security.Citizen;
import fi.avain.routes.security.PortalCallers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Decides portal access from the request's caller. A citizen sees their own data in full within the
 * token's tenant, and a client's data they represent within the grants in force; an operator sees every
 * client; nobody else sees any. What a caller may see is worked out once per request.
 */
@Component
class PortalAccessService implements PortalAccess {
    private static final String SCOPE = PortalAccessService.class.getName() + ".scope";
    private static final Set<Grant> ALL = EnumSet.allOf(Grant.class);

    private final Budgets budgets;
    private final Representatives representatives;

    PortalAccessService(Budgets budgets, Representatives representatives) {
        this.budgets = budgets;
        this.representatives = representatives;
    }

    /** What one caller may do, per client; operators may do everything everywhere. */
    record Scope(String actor, String role, boolean everything, Optional<UUID> self, Map<UUID, Set<Grant>> clients,
                 Map<UUID, UUID> representing) {
        Set<Grant> grants(UUID clientId) {
            return everything ? ALL : clients.getOrDefault(clientId, Set.of());
        }

        /**
         * Who the caller is and everything they may see, written the same way every time (maps by key, grants
         * by name, each part led by its length): two scopes write the same text only when they are equal.
         */
        String fingerprint() {
            List<String> parts = new ArrayList<>(List.of(actor, role, String.valueOf(everything),
                    self.map(UUID::toString).orElse("")));
            new TreeMap<>(clients).forEach((client, grants) -> parts.add(client + "="
                    + grants.stream().map(Grant::name).sorted().collect(Collectors.joining(","))));
            new TreeMap<>(representing).forEach((client, grant) -> parts.add(client + ">" + grant));
            return parts.stream().map(part -> part.length() + ":" + part).collect(Collectors.joining());
        }
    }

    @Override
    public void require(UUID clientId, Grant need, String resource) {
        if (!allows(clientId, need)) {
            throw new ResourceNotFoundException(resource);
        }
    }

    @Override
    public boolean allows(UUID clientId, Grant need) {
        return clientId != null && scope().grants(clientId).contains(need);
    }

    /** Whether the caller may see anything of the client's: any grant will do. */
    boolean seesAnything(UUID clientId) {
        return clientId != null && !scope().grants(clientId).isEmpty();
    }

    @Override
    public String actor() {
        return scope().actor();
    }

    @Override
    public String role() {
        return scope().role();
    }

    /** The client the caller is, when the caller is a citizen with a budget in the token's tenant. */
    Optional<UUID> self() {
        return scope().self();
    }

    /** Every client the caller may see something of, with what. */
    Map<UUID, Set<Grant>> clients() {
        return scope().clients();
    }

    /** The grants (representative ids) the caller holds. */
    Set<UUID> representing() {
        return Set.copyOf(scope().representing().values());
    }

    @Override
    public Optional<UUID> representation(UUID clientId) {
        Scope scope = scope();
        return scope.self().filter(clientId::equals).isPresent() ? Optional.empty()
                : Optional.ofNullable(scope.representing().get(clientId));
    }

    boolean isOperator() {
        return scope().everything();
    }

    Scope scope() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object cached = request == null ? null : request.getAttribute(SCOPE, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof Scope scope) {
            return scope;
        }
        Scope scope = resolve(PortalCallers.find());
        if (request != null) {
            request.setAttribute(SCOPE, scope, RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }

    private Scope resolve(Optional<Caller> found) {
        if (found.isEmpty()) {
            return new Scope("anonymous", "anonymous", false, Optional.empty(), Map.of(), Map.of());
        }
        Caller caller = found.get();
        if (caller instanceof Citizen citizen) {
            Map<UUID, Set<Grant>> clients = new HashMap<>();
            Map<UUID, UUID> representing = new HashMap<>();
            for (PortalRepresentative held : representatives.heldBy(citizen.tenant(), citizen.identityCode())) {
                clients.put(held.patientId(), held.grants());
                representing.put(held.patientId(), held.id());
            }
            Optional<UUID> self = budgets.clientOf(citizen.tenant(), citizen.identityCode());
            self.ifPresent(id -> clients.put(id, ALL));
            String role = self.isPresent() || clients.isEmpty() ? "citizen" : "representative";
            return new Scope(citizen.subject(), role, false, self, Map.copyOf(clients), Map.copyOf(representing));
        }
        return new Scope(caller.actor(), caller.role(), "operator".equals(caller.role()), Optional.empty(), Map.of(),
                Map.of());
    }
}
