package fi.avain.routes.security;

import fi.avain.mappings.model.Hetu;
import java.util.Objects;

/**
 * A person signed in at the citizen portal, from the claims of a token the portal's issuer signed.
 * Who they may see (themselves, or a client who authorised them) is for the FHIR providers to decide.
 *
 * @param subject the token's {@code sub}: the issuer's stable id of the person, never an identity code
 * @param tenant the wellbeing services county the token was issued for
 * @param identityCode the person's own identity code ({@code toString()} masks it)
 */
public record Citizen(String subject, String tenant, Hetu identityCode) implements Caller {
    public Citizen {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identityCode, "identityCode");
    }

    @Override
    public String role() {
        return "citizen";
    }

    @Override
    public String actor() {
        return subject;
    }
}
