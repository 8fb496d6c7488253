package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fi.avain.mappings.fhir.Grant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A caller the test names, who may see the clients (with the grants) the test gives. */
final class TestPortalAccess implements PortalAccess {
    private volatile String actor = "citizen-1";
    private final Map<UUID, Set<Grant>> grants = new ConcurrentHashMap<>();

    TestPortalAccess as(String actor) {
        this.actor = actor;
        grants.clear();
        return this;
    }

    TestPortalAccess allow(UUID clientId, Grant... granted) {
        grants.put(clientId, Set.of(granted));
        return this;
    }

    @Override
    public void require(UUID clientId, Grant need, String resource) {
        if (!allows(clientId, need)) {
            throw new ResourceNotFoundException(resource + " is not known");
        }
    }

    @Override
    public boolean allows(UUID clientId, Grant need) {
        return grants.getOrDefault(clientId, Set.of()).contains(need);
    }

    @Override
    public String actor() {
        return actor;
    }

    @Override
    public String role() {
        return "citizen";
    }
}
