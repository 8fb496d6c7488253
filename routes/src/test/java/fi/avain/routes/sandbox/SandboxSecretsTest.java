package fi.avain.routes.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class SandboxSecretsTest {
    @TempDir
    Path dataDir;

    @Test
    void makesAReportingKeyPerTenantOnceAndKeepsIt() {
        Properties first = SandboxSecrets.loadOrCreate(dataDir, List.of("sandbox-county"));
        String key = first.getProperty("avain.reports.keys.sandbox-county");

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        Properties again = SandboxSecrets.loadOrCreate(dataDir, List.of("sandbox-county", "north-county"));
        assertThat(again.getProperty("avain.reports.keys.sandbox-county")).isEqualTo(key);
        assertThat(again.getProperty("avain.reports.keys.north-county")).isNotBlank().isNotEqualTo(key);
        assertThat(SandboxSecrets.loadOrCreate(dataDir, List.of()).getProperty("avain.reports.keys.north-county"))
                .isEqualTo(again.getProperty("avain.reports.keys.north-county"));
    }

    @Test
    void theSampleTenantAndEveryTenantWithAFileGetAKey() {
        MockEnvironment environment = new MockEnvironment().withProperty("avain.tenants-dir", "../config/tenants");

        assertThat(SandboxEnvironment.tenants(environment)).contains("sandbox-county");
        assertThat(SandboxEnvironment.tenants(new MockEnvironment().withProperty("avain.tenants-dir",
                dataDir.resolve("none").toString()))).containsExactly("sandbox-county");
    }

    @Test
    void theProdProfileGetsNoGeneratedKey() {
        MockEnvironment environment = new MockEnvironment().withProperty("avain.sandbox.enabled", "false")
                .withProperty("avain.data-dir", dataDir.toString())
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/avain")
                .withProperty("avain.portal.issuer", "https://login.portal.example/realms/citizens")
                .withProperty("avain.portal.jwk-set-uri", "https://login.portal.example/realms/citizens/certs");
        SandboxEnvironment.CONNECTOR_URL_KEYS.values().forEach(key -> environment.setProperty(key, "https://x.example/"));
        environment.setActiveProfiles("prod");

        new SandboxEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("avain.reports.keys.sandbox-county")).isNull();
        assertThat(dataDir.resolve(SandboxSecrets.FILE)).doesNotExist();
    }
}
