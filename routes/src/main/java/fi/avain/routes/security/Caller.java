package fi.avain.routes.security;

/**
 * Who is calling {@code /fhir} or {@code /api}: a citizen with a token from the portal's issuer (on
 * {@code /fhir} only), or a system with an API key. Get it with {@link PortalCallers#current()}.
 */
public sealed interface Caller permits Citizen, ApiKeyCaller {
    /** {@code citizen}, or an API key's role: {@code operator}, {@code integrator}, {@code processor}. */
    String role();

    /** Who, for the audit: the token's subject or the API key's principal; never an identity code. */
    String actor();
}
