package fi.avain.mappings.ptv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.OpeningHours;
import fi.avain.mappings.model.PublicationStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PtvMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PtvMapper mapper = new PtvMapper();

    private static ObjectNode service() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"id": "3668d250-cd80-45c4-abcc-9b2d3a2b3e42",
                 "serviceNames": [{"language": "fi", "value": "Kotihoito", "type": "Name"}],
                 "publishingStatus": "Published", "modified": "2020-04-22T09:35:58.293984"}
                """);
    }

    @ParameterizedTest
    @CsvSource({
            "2020-04-22T09:35:58.293984, 2020-04-22T09:35:58.293984Z",
            "2020-04-22T09:35:58, 2020-04-22T09:35:58Z",
            "2020-04-22T09:35:58.1234567, 2020-04-22T09:35:58.123456700Z",
            "2020-04-22T09:35:58.5Z, 2020-04-22T09:35:58.500Z",
            "2020-04-22T12:35:58+03:00, 2020-04-22T09:35:58Z"})
    void readsModifiedAsUtcWhenItHasNoZone(String modified, Instant expected) throws Exception {
        ObjectNode service = service().put("modified", modified);

        assertThat(mapper.service(service).modified()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "id, '', service.id: is missing",
            "id, 3668d250, service.id: must be a UUID",
            "id, 3668d250-cd80-45c4-abcc-9b2d3a2b3e4z, service.id: must be a UUID",
            "modified, yesterday, service.modified: must be an ISO-8601 date and time",
            "publishingStatus, Draft, 'service.publishingStatus: must be Published, Archived, Withdrawn or Deleted'"})
    void refusesAServiceWithABrokenRequiredField(String field, String value, String reason) throws Exception {
        ObjectNode service = service().put(field, value);

        assertThatThrownBy(() -> mapper.service(service))
                .isInstanceOf(MappingException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"language\": \"fi\", \"value\": null, \"type\": \"Name\"}]",
            "[{\"language\": \"fi\", \"value\": \"  \", \"type\": \"Name\"}]"})
    void refusesAServiceWithoutAName(String names) throws Exception {
        ObjectNode service = service();
        service.set("serviceNames", JSON.readTree(names));

        assertThatThrownBy(() -> mapper.service(service))
                .isInstanceOf(MappingException.class)
                .hasMessage("service.serviceNames: has no name in any language");
    }

    @ParameterizedTest
    @CsvSource({"Published, PUBLISHED", "Archived, ARCHIVED", "Withdrawn, WITHDRAWN", "Deleted, WITHDRAWN"})
    void readsThePublishingStatus(String ptv, PublicationStatus status) throws Exception {
        assertThat(mapper.service(service().put("publishingStatus", ptv)).status()).isEqualTo(status);
    }

    @Test
    void expandsADayRangeIntoOneEntryPerDayAcrossTheWeekend() throws Exception {
        ObjectNode channel = (ObjectNode) JSON.readTree("""
                {"id": "961f1a02-0eb7-4b5d-9721-6b9f2d14ec6f", "serviceChannelType": "Phone",
                 "serviceChannelNames": [{"language": "sv", "value": "Rådgivning", "type": "Name"}],
                 "serviceHours": [
                   {"serviceHourType": "DaysOfTheWeek", "isClosed": false, "openingHour": [
                     {"dayFrom": "Friday", "dayTo": "Monday", "from": "20:00:00", "to": "23:30:00"}]},
                   {"serviceHourType": "Exceptional", "openingHour": [
                     {"dayFrom": "Tuesday", "dayTo": null, "from": "10:00:00", "to": "12:00:00"}]}],
                 "publishingStatus": "Published", "modified": "2020-04-22T09:45:14.154795"}
                """);

        assertThat(mapper.channel(channel).openingHours()).extracting(OpeningHours::day).containsExactly(
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(mapper.channel(channel).openingHours().get(0).closes()).isEqualTo(LocalTime.of(23, 30));
        assertThat(mapper.channel(channel).location()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Municipality, PUBLIC", "RegionalOrganization, PUBLIC", "State, PUBLIC", "Organization, PUBLIC",
            "Region, PUBLIC", "Company, COMPANY", "SotePrivate, COMPANY", "Unknown, OTHER"})
    void classifiesOrganisationTypes(String ptvType, String type) {
        assertThat(PtvMapper.providerType(ptvType).name()).isEqualTo(type);
    }
}
