package fi.avain.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.connectors.comparison.ComparisonSettings;
import fi.avain.connectors.marketplace.MarketplaceSettings;
import fi.avain.connectors.ptv.PtvSettings;
import fi.avain.connectors.voucher.VoucherSettings;
import fi.avain.connectors.voucher.XRoadIdentity;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

class SettingsTest {
    @Test
    void bindsPtvSettingsWithDefaults() {
        PtvSettings settings = bind("avain.connectors.ptv", PtvSettings.class,
                Map.of("avain.connectors.ptv.base-url", "http://127.0.0.1:9000/api/v11"));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxResponseBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.circuitBreaker().minimumCalls()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "ftp://127.0.0.1/x", "/api/v11"})
    void refusesABaseUrlThatIsMissingOrNotHttp(String url) {
        Map<String, String> properties = url.isEmpty() ? Map.of() : Map.of("avain.connectors.marketplace.base-url", url);
        assertThatThrownBy(() -> bind("avain.connectors.marketplace", MarketplaceSettings.class, properties))
                .isInstanceOf(BindException.class);
    }

    @Test
    void bindsTheApiKeyAsASecretThatDoesNotPrint() {
        ComparisonSettings settings = bind("avain.connectors.comparison", ComparisonSettings.class, Map.of(
                "avain.connectors.comparison.base-url", "https://vertailu.example.fi",
                "avain.connectors.comparison.api-key", "s3cret-value",
                "avain.connectors.comparison.format", "csv"));
        assertThat(settings.apiKey().value()).isEqualTo("s3cret-value");
        assertThat(settings.toString()).doesNotContain("s3cret-value");
        assertThat(settings.format()).isEqualTo(ComparisonSettings.Format.csv);
    }

    @Test
    void bindsVoucherSettingsWithDefaultsAndBothXRoadIdentities() {
        VoucherSettings settings = bind("avain.connectors.voucher", VoucherSettings.class, voucherProperties(Map.of()));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxRetries()).isEqualTo(3);
        assertThat(settings.retryBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.serviceVersion()).isEqualTo("v1");
        assertThat(settings.avainIdentity()).isEqualTo(new XRoadIdentity("FI-TEST", "GOV", "1234567-1", "avain"));
        assertThat(settings.voucherSystemIdentity()).isEqualTo(new XRoadIdentity("FI-TEST", "COM", "7654321-2", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xroad.member-code= ", "service.instance=FI TEST", "base-url=ftp://127.0.0.1/x",
            "service-version=v 1", "read-timeout=0s"})
    void refusesAVoucherSettingThatIsMissingOrMalformed(String override) {
        String[] parts = override.split("=", 2);
        Map<String, String> properties = voucherProperties(Map.of("avain.connectors.voucher." + parts[0], parts[1]));
        assertThatThrownBy(() -> bind("avain.connectors.voucher", VoucherSettings.class, properties))
                .isInstanceOf(BindException.class);
    }

    @Test
    void refusesVoucherSettingsWithoutAvainsOwnIdentity() {
        Map<String, String> properties = new HashMap<>(voucherProperties(Map.of()));
        properties.keySet().removeIf(key -> key.contains(".xroad."));
        assertThatThrownBy(() -> bind("avain.connectors.voucher", VoucherSettings.class, properties))
                .isInstanceOf(BindException.class);
    }

    private static Map<String, String> voucherProperties(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "avain.connectors.voucher.base-url", "http://127.0.0.1:9000/soap/voucher-system",
                "avain.connectors.voucher.xroad.instance", "FI-TEST",
                "avain.connectors.voucher.xroad.member-class", "GOV",
                "avain.connectors.voucher.xroad.member-code", "1234567-1",
                "avain.connectors.voucher.xroad.subsystem", "avain",
                "avain.connectors.voucher.service.instance", "FI-TEST",
                "avain.connectors.voucher.service.member-class", "COM",
                "avain.connectors.voucher.service.member-code", "7654321-2"));
        properties.putAll(overrides);
        return properties;
    }

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return binder.bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(validator));
    }
}
