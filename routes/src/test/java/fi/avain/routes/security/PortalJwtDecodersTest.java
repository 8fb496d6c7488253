package fi.avain.routes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Where the issuer's keys come from: a JWK set URL (keys rotate there), a PEM key or a file of one. */
class PortalJwtDecodersTest {
    private HttpServer server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void checksTokensAgainstTheIssuersJwkSetAndFindsAKeyAddedThereLater() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(ec.toPublicJWK()));
        JwtDecoder decoder = PortalJwtDecoders.create(settings(serve(published), null), Clock.systemUTC(), null);

        assertThat(decoder.decode(sign(ec.getKeyID(), JWSAlgorithm.ES256, new ECDSASigner(ec))).getSubject())
                .isEqualTo("citizen-42");
        published.set(new JWKSet(java.util.List.of(ec.toPublicJWK(), rsa.toPublicJWK())));
        assertThat(decoder.decode(sign(rsa.getKeyID(), JWSAlgorithm.RS256, new RSASSASigner(rsa))).getSubject())
                .isEqualTo("citizen-42");
    }

    @Test
    void readsThePublicKeyFromAFileLocationAndTakesAnEcKey() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        Path pem = Files.writeString(dir.resolve("issuer.pem"), PortalKeys.pem(ec.toECPublicKey()));
        JwtDecoder decoder = PortalJwtDecoders.create(settings(null, "file:" + pem), Clock.systemUTC(),
                new DefaultResourceLoader());

        assertThat(decoder.decode(sign("any", JWSAlgorithm.ES256, new ECDSASigner(ec))).getSubject())
                .isEqualTo("citizen-42");
    }

    @Test
    void aPublicKeyThatIsNoPemIsRefusedWithoutQuotingIt() {
        String secretLooking = "c2VjcmV0LXRoYXQtbXVzdC1ub3QtYmUtZWNob2Vk";

        assertThatThrownBy(() -> PortalJwtDecoders.create(settings(null, secretLooking), Clock.systemUTC(), null))
                .hasMessageContaining("avain.portal.public-key must be a PEM public key")
                .hasMessageNotContaining(secretLooking);
        assertThatThrownBy(() -> PortalJwtDecoders.create(settings(null, "file:" + dir.resolve("missing.pem")),
                Clock.systemUTC(), new DefaultResourceLoader()))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void bothAJwkSetAndAPublicKeyIsRefused() {
        assertThatThrownBy(() -> settings("https://idp.test/jwks", PortalKeys.pem(TestTokens.ISSUER_KEYS.getPublic())))
                .hasMessageContaining("not both");
    }

    @Test
    void anIssuerWhoseKeysCannotBeFetchedGetsA503NotA401() throws Exception {
        JwtDecoder decoder = PortalJwtDecoders.create(settings("http://127.0.0.1:1/jwks.json", null),
                Clock.systemUTC(), null);
        var manager = new PortalAuthenticationManager(new ApiKeys(new SecuritySettings(null)), decoder,
                settings("http://127.0.0.1:1/jwks.json", null));
        String token = sign("k1", JWSAlgorithm.RS256, new RSASSASigner(TestTokens.ISSUER_KEYS.getPrivate()));

        var failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                PortalAuthenticationManager.PortalIssuerUnavailable.class,
                () -> manager.authenticate(new BearerTokenAuthenticationToken(token)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        new PortalAuthenticationEntryPoint().commence(new MockHttpServletRequest(), response, failure);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("\"code\":\"transient\"").doesNotContain(token);
    }

    private static PortalSettings settings(String jwkSetUri, String publicKey) {
        return new PortalSettings(TestTokens.ISSUER, jwkSetUri, publicKey, null, null, null, null, null,
                Period.ofYears(2), null);
    }

    private static String sign(String keyId, JWSAlgorithm algorithm, com.nimbusds.jose.JWSSigner signer)
            throws Exception {
        // Typed as an RFC 9068 access token, as many identity providers send them.
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId)
                .type(new com.nimbusds.jose.JOSEObjectType("at+jwt")).build(), TestTokens.valid().build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private String serve(AtomicReference<JWKSet> published) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            byte[] body = published.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }
}
