package fi.avain.routes.sandbox;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox issuer's public key as a JWK set, published the way a real identity provider publishes
 * its keys (the URL {@code avain.portal.jwk-set-uri} names in production). Open: it holds no secret.
 */
@RestController
@ConditionalOnExpression("${" + SandboxIssuer.ACTIVE + ":false} and '${avain.mode:server}' == 'server'")
class SandboxIssuerController {
    static final String JWKS_PATH = "/sandbox-issuer/jwks.json";

    private final Map<String, Object> jwks;

    SandboxIssuerController(Environment environment) {
        this.jwks = SandboxIssuer.loadOrCreate(Path.of(environment.getProperty("avain.data-dir", "./data")))
                .publicJwks();
    }

    @GetMapping(path = JWKS_PATH, produces = "application/jwk-set+json")
    Map<String, Object> jwks() {
        return jwks;
    }
}
