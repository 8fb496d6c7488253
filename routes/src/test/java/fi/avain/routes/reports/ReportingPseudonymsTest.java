package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.mappings.model.Hetu;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class ReportingPseudonymsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Hetu ANNA = Hetu.parse("150385-9013");

    private static ReportingPseudonyms withKeys(String... tenantAndKey) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < tenantAndKey.length; i += 2) {
            environment.setProperty("avain.reports.keys." + tenantAndKey[i], tenantAndKey[i + 1]);
        }
        // as in the running application, where Spring Boot's relaxed names sit in front of every source
        ConfigurationPropertySources.attach(environment);
        return new ReportingPseudonyms(environment);
    }

    @Test
    void isTheHexHmacSha256OfTheCanonicalCodeUnderTheTenantsKey() throws Exception {
        ReportingPseudonyms pseudonyms = withKeys("t1", Base64.getEncoder().encodeToString(KEY));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("150385-9013".getBytes(StandardCharsets.UTF_8)));

        assertThat(pseudonyms.of("t1", ANNA)).isEqualTo(expected);
        assertThat(pseudonyms.of("t1", Hetu.parse(" 150385-9013 "))).isEqualTo(expected);
        assertThat(pseudonyms.looksLikePseudonym(expected)).isTrue();
    }

    @Test
    void differsFromTenantToTenant() {
        ReportingPseudonyms pseudonyms = withKeys("t1", Base64.getEncoder().encodeToString(KEY),
                "t2", Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes()));

        assertThat(pseudonyms.of("t1", ANNA)).isNotEqualTo(pseudonyms.of("t2", ANNA));
    }

    @Test
    void aKeyMayComeFromAnEnvironmentVariable() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("AVAIN_REPORTS_KEYS_SANDBOX_COUNTY", Base64.getEncoder().encodeToString(KEY))));

        ReportingPseudonyms pseudonyms = new ReportingPseudonyms(environment);

        assertThat(pseudonyms.of("sandbox-county", ANNA))
                .isEqualTo(withKeys("sandbox-county", Base64.getEncoder().encodeToString(KEY)).of("sandbox-county", ANNA));
    }

    @Test
    void aKeyBelongsOnlyToTheTenantIdAsWrittenNotToItsRelaxedLookAlikes() {
        ReportingPseudonyms pseudonyms = withKeys("sandbox-county", Base64.getEncoder().encodeToString(KEY));

        assertThat(pseudonyms.hasKey("sandbox-county")).isTrue();
        for (String typo : new String[] {"sandboxcounty", "sandbox-county-", "sandbox--county", "Sandbox-County",
                "SANDBOX_COUNTY", "sandbox_county", "sandbox.county"}) {
            assertThat(pseudonyms.hasKey(typo)).as(typo).isFalse();
            assertThatThrownBy(() -> pseudonyms.of(typo, ANNA)).as(typo)
                    .isInstanceOf(ReportingPseudonyms.NoReportingKeyException.class);
        }
    }

    @Test
    void anEnvironmentVariableNamesOnlyTheTenantWithSingleDashesForItsUnderscores() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("AVAIN_REPORTS_KEYS_NORTH_COUNTY", Base64.getEncoder().encodeToString(KEY),
                                "AVAIN_REPORTS_KEYS_SOUTH__COUNTY", Base64.getEncoder().encodeToString(KEY),
                                "avain_reports_keys_west_county", Base64.getEncoder().encodeToString(KEY))));

        ReportingPseudonyms pseudonyms = new ReportingPseudonyms(environment);

        assertThat(pseudonyms.hasKey("north-county")).isTrue();
        assertThat(pseudonyms.hasKey("northcounty")).isFalse();
        assertThat(pseudonyms.hasKey("north_county")).isFalse();
        assertThat(pseudonyms.hasKey("north-county-")).isFalse();
        assertThat(pseudonyms.hasKey("south--county")).isFalse();
        assertThat(pseudonyms.hasKey("west-county")).isFalse();
    }

    @Test
    void aTenantThatNoVariableCanNameTakesItsKeyFromSpringApplicationJson() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.application.json",
                "{\"avain\": {\"reports\": {\"keys\": {\"Kunta_01.x\": \""
                        + Base64.getEncoder().encodeToString(KEY) + "\"}}}}")));
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        ReportingPseudonyms pseudonyms = new ReportingPseudonyms(environment);

        assertThat(pseudonyms.hasKey("Kunta_01.x")).isTrue();
        assertThat(pseudonyms.hasKey("kunta-01-x")).isFalse();
    }

    @Test
    void aTenantWithoutAKeyHasNoPseudonymsAndSaysWhichSettingIsMissing() {
        ReportingPseudonyms pseudonyms = withKeys();

        assertThat(pseudonyms.hasKey("t1")).isFalse();
        assertThatThrownBy(() -> pseudonyms.of("t1", ANNA))
                .isInstanceOf(ReportingPseudonyms.NoReportingKeyException.class)
                .hasMessage("no reporting key for tenant t1: set avain.reports.keys.t1 (base64 of at least 32 bytes)");
    }

    @Test
    void aKeyTooShortOrNotBase64StopsStartUpWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> withKeys("t1", shortKey))
                .hasMessage("avain.reports.keys.t1 must be base64 of at least 32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> withKeys("t1", "not base64!"))
                .hasMessage("avain.reports.keys.t1 must be base64 of at least 32 bytes");
    }

    @Test
    void onlySixtyFourLowercaseHexLooksLikeAPseudonym() {
        ReportingPseudonyms pseudonyms = withKeys();

        assertThat(pseudonyms.looksLikePseudonym("a".repeat(64))).isTrue();
        assertThat(pseudonyms.looksLikePseudonym("A".repeat(64))).isFalse();
        assertThat(pseudonyms.looksLikePseudonym("a".repeat(63))).isFalse();
        assertThat(pseudonyms.looksLikePseudonym("150385-9013")).isFalse();
        assertThat(pseudonyms.looksLikePseudonym(null)).isFalse();
    }
}
