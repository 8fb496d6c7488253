package fi.avain.mappings.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.mappings.model.ChannelType;
import fi.avain.mappings.model.LocalizedText;
import fi.avain.mappings.model.OpeningHours;
import fi.avain.mappings.model.PublicationStatus;
import fi.avain.mappings.model.ServiceChannel;
import fi.avain.mappings.model.SourceRef;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HsdsMapperTest {
    private static final UUID ID = UUID.fromString("961f1a02-0eb7-4b5d-9721-6b9f2d14ec6f");

    private static ServiceChannel channel(ChannelType type) {
        return new ServiceChannel(ID, new SourceRef("ptv", ID.toString()), type, Optional.empty(),
                LocalizedText.of("fi", "Neuvonta"), LocalizedText.EMPTY, Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), PublicationStatus.PUBLISHED,
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void seasonalHoursAreASchedulesOfTheirOwnWithTheirDates() {
        List<OpeningHours> hours = List.of(
                new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0)),
                new OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(16, 0)),
                new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0),
                        Optional.of(LocalDate.of(2026, 6, 1)), Optional.of(LocalDate.of(2026, 8, 31))));
        ServiceChannel channel = new ServiceChannel(ID, new SourceRef("ptv", ID.toString()), ChannelType.SERVICE_LOCATION,
                Optional.empty(), LocalizedText.of("fi", "Toimipiste"), LocalizedText.EMPTY, Optional.empty(), List.of(),
                List.of(), List.of(), hours, List.of(), List.of(), PublicationStatus.PUBLISHED,
                Instant.parse("2024-01-01T00:00:00Z"));

        var schedules = new HsdsMapper().location(channel).get("schedules");

        assertThat(schedules).hasSize(2);
        assertThat(schedules.get(0).get("byday").asText()).isEqualTo("MO,TU");
        assertThat(schedules.get(0).has("valid_from")).isFalse();
        assertThat(schedules.get(1).get("byday").asText()).isEqualTo("MO");
        assertThat(schedules.get(1).get("valid_from").asText()).isEqualTo("2026-06-01");
        assertThat(schedules.get(1).get("valid_to").asText()).isEqualTo("2026-08-31");
        assertThat(HsdsSchemas.errors("location", new HsdsMapper().location(channel))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ChannelType.class, names = "SERVICE_LOCATION", mode = EnumSource.Mode.EXCLUDE)
    void writesOnlyServiceLocationsAsLocations(ChannelType type) {
        assertThatThrownBy(() -> new HsdsMapper().location(channel(type)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = ChannelType.class, names = "SERVICE_LOCATION")
    void leavesOutWhatTheChannelDoesNotHave(ChannelType type) {
        var location = new HsdsMapper().location(channel(type));

        assertThat(location.fieldNames()).toIterable().containsExactly("id", "location_type", "name");
        assertThat(location).isEqualTo(new HsdsMapper().location(channel(type)));
    }
}
