package fi.avain.routes.security;

/**
 * Who is calling {@code /fhir}: a citizen with a token from the portal's issuer, or a system with an
 * API key. Get it with {@link PortalCallers#current()}.
 */
public sealed interface Caller permits Citizen, ApiKeyCaller {
    /** {@code citizen}, {@code operator} or {@code integrator}. */
    String role();

    /** Who, for the audit: the token's subject or the API key's principal; never an identity code. */
    String actor();
}
