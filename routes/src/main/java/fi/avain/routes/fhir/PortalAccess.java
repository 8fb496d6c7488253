package fi.avain.routes.fhir;

import fi.avain.mappings.fhir.Grant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see a client's data through the portal: the client, a representative within what the client
 * granted, and operators (an API key has a role, not a tenant); for anyone else the data does not exist
 * (404, not 403).
 */
public interface PortalAccess {

    /** Throws HAPI's ResourceNotFoundException (naming only {@code resource}) unless the caller may use {@code need}. */
    void require(UUID clientId, Grant need, String resource);

    /** Whether the caller may use {@code need} on the client's data. */
    boolean allows(UUID clientId, Grant need);

    /** Who is calling, for audit and ownership: a token subject or an API key's principal, never an identity code. */
    String actor();

    /** The caller's role: citizen, representative, operator or integrator. */
    String role();

    /** The grant (representative id) under which the caller sees this client, when it is not their own data. */
    default Optional<UUID> representation(UUID clientId) {
        return Optional.empty();
    }
}
