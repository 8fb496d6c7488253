package fi.avain.routes.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardSettingsTest {
    private final CardSettings settings = new CardSettings(Duration.ofMillis(1500), Duration.ofDays(7),
            Duration.ofDays(31), List.of("3000-3999", " 7011", "7512 "), 16);

    @Test
    void hotelsCarRentalAndTravelKeepTheirHoldsLonger() {
        assertThat(settings.holdTtlFor("7011")).isEqualTo(Duration.ofDays(31));
        assertThat(settings.holdTtlFor("3500")).isEqualTo(Duration.ofDays(31));
        assertThat(settings.holdTtlFor("7512")).isEqualTo(Duration.ofDays(31));
        assertThat(settings.holdTtlFor("8099")).isEqualTo(Duration.ofDays(7));
        assertThat(settings.holdTtlFor("4000")).isEqualTo(Duration.ofDays(7));
        assertThat(settings.holdTtlFor(null)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aDeadlineBeyondTheProcessorsIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new CardSettings(Duration.ofSeconds(2), Duration.ofDays(7), Duration.ofDays(31),
                List.of(), 16)).hasMessageContaining("at most 1900 ms");
        assertThatThrownBy(() -> new CardSettings(Duration.ofMillis(100), Duration.ofDays(7), Duration.ofDays(31),
                List.of(), 0)).hasMessageContaining("workers");
        assertThatThrownBy(() -> new CardSettings(Duration.ofMillis(100), Duration.ofDays(7), Duration.ofDays(31),
                List.of("3000–3999"), 16)).hasMessageContaining("long-hold-merchant-categories");
    }
}
