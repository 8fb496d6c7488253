package fi.avain.mappings.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.mappings.model.ChannelType;
import fi.avain.mappings.model.LocalizedText;
import fi.avain.mappings.model.PublicationStatus;
import fi.avain.mappings.model.ServiceChannel;
import fi.avain.mappings.model.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
