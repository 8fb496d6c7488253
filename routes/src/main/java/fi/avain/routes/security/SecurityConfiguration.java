package fi.avain.routes.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every {@code /api/**} call is authenticated by API key (roles integrator, operator, processor);
 * health is open so load balancers can probe it; the rest of actuator is for operators. The API
 * description and Swagger UI are open: they hold no data, and a browser cannot send a bearer key
 * to fetch them. Errors are problem+json: 401 without a valid key, 403 for the wrong role. {@code /fhir}
 * has a chain of its own ({@link PortalSecurityConfiguration}).
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * A request Spring Security's firewall refuses (a {@code ;} or an encoded {@code .} in the path, a
     * header it cannot trust) is answered as any other bad request.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> RefusedRequests.write(response, request.getRequestURI(), 400);
    }

    @Bean
    ApiKeys apiKeys(SecuritySettings settings) {
        return new ApiKeys(settings);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys,
                                    @Value("${avain.sandbox.issuer:false}") boolean sandboxIssuer) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response, 401,
                                "Unauthorized", "Send a valid API key as 'Authorization: Bearer <key>'.",
                                request.getRequestURI()))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, 403,
                                "Forbidden", "This API key's role may not use this endpoint.", request.getRequestURI())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .requestMatchers("/api/openapi.json", "/api/openapi.json/**", "/api/docs", "/api/docs/**",
                                "/api/swagger-ui/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/api/v1/messages/**", "/api/v1/jobs/**", "/api/v1/audit/**", "/api/v1/reports/**")
                        .hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/hsds/**").hasAnyRole("INTEGRATOR", "OPERATOR")
                        // Processor webhooks are authenticated by their signatures: Stripe cannot send an API key.
                        .requestMatchers(HttpMethod.POST, "/api/v1/card/authorizations", "/api/v1/card/stripe")
                        .permitAll()
                        // X-Road authenticates the calling member at the security server; Avain accepts only the
                        // X-Road clients configured for the voucher system (checked on every request's headers).
                        .requestMatchers("/soap/**").permitAll()
                        .requestMatchers("/api/v1/reconciliation/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/service-gaps").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/budgets/*/corrections").hasRole("OPERATOR")
                        // Outcome measurements and unmet needs (/api/v1/plans/{id}/unmet-needs) from case management.
                        .requestMatchers(HttpMethod.POST, "/api/v1/outcomes").hasAnyRole("INTEGRATOR", "OPERATOR")
                        .requestMatchers("/api/v1/plans/**", "/api/v1/budgets/**", "/api/v1/clients/**",
                                "/api/v1/cards/**", "/api/v1/vouchers/**", "/api/v1/declarations/**")
                        .hasAnyRole("INTEGRATOR", "OPERATOR")
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/error").permitAll()
                        // The sandbox's token issuer publishes its public key, as a real issuer does.
                        .requestMatchers(HttpMethod.GET, "/sandbox-issuer/**").access(sandboxIssuer
                                ? SingleResultAuthorizationManager.permitAll()
                                : SingleResultAuthorizationManager.denyAll())
                        .anyRequest().denyAll());
        return http.build();
    }
}
