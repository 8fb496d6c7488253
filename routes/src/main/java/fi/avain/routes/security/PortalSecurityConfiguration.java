package fi.avain.routes.security;

import fi.avain.routes.web.OperationOutcomes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * {@code /fhir/**}: one bearer token, an API key (operator, integrator) or a citizen's JWT from the
 * portal's issuer ({@code avain.portal.*}). The CapabilityStatement ({@code GET /fhir/metadata}) is open:
 * it holds no data, and clients read it before they log in. Errors are OperationOutcomes: 401
 * {@code login} without a valid token, 403 {@code forbidden} for a role that may not use FHIR (the
 * card processor's key). Which client's data a caller may see is the FHIR providers' to decide.
 */
@Configuration
@ConditionalOnWebApplication
class PortalSecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PortalSecurityConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain portalSecurity(HttpSecurity http, ApiKeys keys, PortalSettings settings,
                                       ObjectProvider<Clock> clock, ResourceLoader resources) throws Exception {
        JwtDecoder decoder = PortalJwtDecoders.create(settings, clock.getIfAvailable(Clock::systemUTC), resources);
        if (decoder == null) {
            log.warn("No avain.portal issuer and key are configured: /fhir accepts API keys only, no citizen tokens.");
        } else {
            log.info("/fhir accepts citizen tokens from issuer {}, checked against {}", settings.issuer(),
                    settings.jwkSetUri() != null ? settings.jwkSetUri() : "the configured public key");
        }
        AuthenticationManager manager = new PortalAuthenticationManager(keys, decoder, settings);
        RequestMatcher metadata = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/fhir/metadata");
        PortalAuthenticationEntryPoint entryPoint = new PortalAuthenticationEntryPoint();
        AccessDeniedHandler denied = (request, response, e) -> OperationOutcomes.write(response, 403, "forbidden",
                "This caller's role may not use the FHIR API; citizens' tokens and operators' and integrators' "
                        + "API keys may.");
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/fhir/**"))
                .csrf(csrf -> csrf.disable())
                .addFilter(corsFilter(settings))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(request -> manager)
                        .bearerTokenResolver(new PortalBearerTokenResolver(metadata))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(metadata).permitAll()
                        .anyRequest().hasAnyRole("CITIZEN", "OPERATOR", "INTEGRATOR"));
        return http.build();
    }

    /** A call from an origin not allowed is refused as every other on {@code /fhir}: with an OperationOutcome. */
    private static CorsFilter corsFilter(PortalSettings settings) {
        CorsFilter filter = new CorsFilter(cors(settings));
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                OperationOutcomes.write(((ServletServerHttpResponse) response).getServletResponse(), 403, "forbidden",
                        "This origin may not call the FHIR API from a browser; avain.portal.allowed-origins names "
                                + "those that may.");
            }
        });
        return filter;
    }

    /**
     * Browsers may call {@code /fhir} from the configured origins only; with none, no cross-origin call. Tokens
     * travel in the Authorization header, never in cookies, so no credentials mode is allowed.
     */
    static CorsConfigurationSource cors(PortalSettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (settings.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Prefer", "If-Match",
                "If-None-Match", "X-Request-ID"));
        cors.setExposedHeaders(List.of("Location", "Content-Location", "ETag", "Last-Modified", "X-Request-ID"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        // "/**": behind HAPI's servlet at /fhir/* the path looked up is the one within it; this chain is /fhir's alone
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
