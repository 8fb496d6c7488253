package fi.avain.routes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class PortalSettingsTest {

    @Test
    void originsAreKeptAsBrowsersSendThem() {
        assertThat(settings(List.of(" HTTPS://Oma.Example.fi ", "http://localhost:5173", "", "https://oma.example.fi",
                "https://oma.example.fi:443/", "http://portal.example.fi:80", "https://oma.example.fi:8443"))
                .allowedOrigins()).containsExactly("https://oma.example.fi", "http://localhost:5173",
                        "http://portal.example.fi", "https://oma.example.fi:8443");
        assertThat(settings(null).allowedOrigins()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://*.example.fi", "https://oma.example.fi/app", "https://oma.example.fi//",
            "oma.example.fi", "ftp://oma.example.fi", "https://user@oma.example.fi", "https://oma.example.fi?x=1"})
    void aWildcardOrAnythingButAnOriginIsRefusedNamingTheSetting(String origin) {
        assertThatThrownBy(() -> settings(List.of(origin))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("avain.portal.allowed-origins");
    }

    @Test
    void withNoOriginsNoCrossOriginCallIsAllowed() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient/1");
        request.addHeader("Origin", "https://oma.example.fi");
        assertThat(PortalSecurityConfiguration.cors(settings(null)).getCorsConfiguration(request)).isNull();
        assertThat(PortalSecurityConfiguration.cors(settings(List.of("https://oma.example.fi")))
                .getCorsConfiguration(request).checkOrigin("https://oma.example.fi")).isEqualTo("https://oma.example.fi");
    }

    private static PortalSettings settings(List<String> origins) {
        return new PortalSettings(TestTokens.ISSUER, null, null, null, null, null, null, null, null, origins);
    }
}
