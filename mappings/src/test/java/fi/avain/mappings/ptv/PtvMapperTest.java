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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
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

    private static ObjectNode locationChannel(String addresses) throws Exception {
        return serviceLocation("addresses", addresses);
    }

    /** A service location with one more member, given as JSON. */
    private static ObjectNode serviceLocation(String member, String json) throws Exception {
        ObjectNode channel = (ObjectNode) JSON.readTree("""
                {"id": "961f1a02-0eb7-4b5d-9721-6b9f2d14ec6f", "serviceChannelType": "ServiceLocation",
                 "serviceChannelNames": [{"language": "fi", "value": "Toimipiste", "type": "Name"}],
                 "publishingStatus": "Published", "modified": "2020-04-22T09:45:14.154795"}
                """);
        channel.set(member, JSON.readTree(json));
        return channel;
    }

    private static String street(String latitude, String longitude, String state) {
        return """
                {"type": "Location", "subType": "Single", "streetAddress": {
                  "street": [{"language": "fi", "value": "Kauppakatu"}], "streetNumber": "1", "postalCode": "50100",
                  "municipality": {"code": "491"}, "latitude": %s, "longitude": %s, "coordinateState": %s}}
                """.formatted(latitude, longitude, state);
    }

    @Test
    void takesTheFirstPointThatLiesInFinlandAndNotAFailedGeocoding() throws Exception {
        var channel = locationChannel("[" + street("\"0\"", "\"0\"", "\"NotReceived\"") + ","
                + street("\"6834688\"", "\"503879\"", "\"Ok\"") + "]");

        var location = mapper.channel(channel).location().orElseThrow();

        assertThat(location.addresses()).hasSize(2);
        assertThat(location.northing()).contains("6834688");
        assertThat(location.easting()).contains("503879");
    }

    @Test
    void aPlaceWithoutAStreetAddressKeepsItsPoint() throws Exception {
        var channel = locationChannel("""
                [{"type": "Location", "subType": "Other", "streetAddress": null,
                  "otherAddress": {"postalCode": "50670", "municipality": {"code": "491"},
                                   "latitude": "6834688", "longitude": "503879"}}]""");

        var location = mapper.channel(channel).location().orElseThrow();

        assertThat(location.addresses()).isEmpty();
        assertThat(location.northing()).contains("6834688");
        assertThat(location.easting()).contains("503879");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\"0\"' | '\"0\"' | null",
            "'\"6834688\"' | '\"503879\"' | '\"Failed\"'",
            "'\"61.68\"' | '\"27.27\"' | null",
            "'\"6834688\"' | null | '\"EnteredByUser\"'",
            "'\"north\"' | '\"503879\"' | '\"Ok\"'"})
    void leavesALocationWithoutAPointWhereItsCoordinatesPlaceNothing(String latitude, String longitude, String state)
            throws Exception {
        var location = mapper.channel(locationChannel("[" + street(latitude, longitude, state) + "]")).location()
                .orElseThrow();

        assertThat(location.addresses()).hasSize(1);
        assertThat(location.northing()).isEmpty();
        assertThat(location.easting()).isEmpty();
    }

    @Test
    void aServiceClassWithOnlyTheOlderUrnIsNamedByItsCode() throws Exception {
        ObjectNode service = service();
        service.set("serviceClasses", JSON.readTree("""
                [{"code": "P6.2", "ontologyType": "PTVL", "uri": "http://urn.fi/URN:NBN:fi:au:ptvl:v1062", "newUri": null},
                 {"code": null, "uri": "http://urn.fi/URN:NBN:fi:au:ptvl:v1070"},
                 {"code": "P4.6", "newUri": "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P4.6"}]"""));

        assertThat(mapper.service(service).serviceClasses()).extracting(Object::toString).containsExactly(
                "http://uri.suomi.fi/codelist/ptv/ptvserclass/code/P6.2", "http://urn.fi/URN:NBN:fi:au:ptvl:v1070",
                "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P4.6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.246.10.02012566.10.0", "1.2.246.537.10.ABC", "1.2.246.537.10.123-4"})
    void leavesOutAnOidOnlyPtvWouldAccept(String oid) throws Exception {
        ObjectNode organization = (ObjectNode) JSON.readTree("""
                {"id": "2f9a6e1c-3c2b-4b6e-9a52-8f1c5e7d2a10", "organizationType": "Municipality",
                 "organizationNames": [{"language": "fi", "value": "Kunta", "type": "Name"}],
                 "businessCode": "0135202-4", "oid": "%s",
                 "publishingStatus": "Published", "modified": "2020-04-22T09:45:14.154795"}
                """.formatted(oid));

        var provider = mapper.organization(organization);

        assertThat(provider.oid()).isEmpty();
        assertThat(provider.businessId()).isPresent();
    }

    private static ObjectNode hoursChannel(String serviceHours) throws Exception {
        return serviceLocation("serviceHours", serviceHours);
    }

    @Test
    void keepsSeasonalHoursApartFromTheRegularWeek() throws Exception {
        var hours = mapper.channel(hoursChannel("""
                [{"serviceHourType": "DaysOfTheWeek", "validFrom": null, "validTo": null, "validForNow": true,
                  "openingHour": [{"dayFrom": "Monday", "dayTo": "", "from": "08:00:00", "to": "16:00:00"}]},
                 {"serviceHourType": "DaysOfTheWeek", "validFrom": "2026-06-01T00:00:00",
                  "validTo": "2026-08-31T00:00:00", "validForNow": false,
                  "openingHour": [{"dayFrom": "Monday", "dayTo": "", "from": "09:00:00", "to": "14:00:00"}]}]
                """)).openingHours();

        assertThat(hours).containsExactly(
                new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0)),
                new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(14, 0),
                        Optional.of(LocalDate.of(2026, 6, 1)), Optional.of(LocalDate.of(2026, 8, 31))));
    }

    @Test
    void anAlwaysOpenBlockIsOpenAllDayEveryDay() throws Exception {
        var hours = mapper.channel(hoursChannel("""
                [{"serviceHourType": "DaysOfTheWeek", "isAlwaysOpen": true, "openingHour": []},
                 {"serviceHourType": "DaysOfTheWeek", "isReservation": true, "openingHour": []}]
                """)).openingHours();

        assertThat(hours).hasSize(7).allSatisfy(day -> {
            assertThat(day.opens()).isEqualTo(LocalTime.MIDNIGHT);
            assertThat(day.closes()).isEqualTo(LocalTime.of(23, 59, 59));
        });
    }

    @Test
    void hoursOverMidnightCloseOnTheNextDay() throws Exception {
        var hours = mapper.channel(hoursChannel("""
                [{"serviceHourType": "OverMidnight", "openingHour": [
                   {"dayFrom": "Friday", "dayTo": "Saturday", "from": "22:00:00", "to": "04:00:00"},
                   {"dayFrom": "Sunday", "dayTo": "", "from": "23:00:00", "to": "02:00:00"}]}]
                """)).openingHours();

        assertThat(hours).containsExactly(
                new OpeningHours(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.of(23, 59, 59)),
                new OpeningHours(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, LocalTime.of(4, 0)),
                new OpeningHours(DayOfWeek.SUNDAY, LocalTime.of(23, 0), LocalTime.of(23, 59, 59)),
                new OpeningHours(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 0)));
    }

    @Test
    void refusesSeasonalHoursThatEndBeforeTheyBegin() throws Exception {
        var channel = hoursChannel("""
                [{"serviceHourType": "DaysOfTheWeek", "validFrom": "2026-08-31T00:00:00", "validTo": "2026-06-01T00:00:00",
                  "openingHour": [{"dayFrom": "Monday", "dayTo": "", "from": "09:00:00", "to": "14:00:00"}]}]
                """);

        assertThatThrownBy(() -> mapper.channel(channel)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("must not end before they begin");
    }

    @ParameterizedTest
    @CsvSource({"Municipality, PUBLIC", "RegionalOrganization, PUBLIC", "State, PUBLIC", "Organization, NGO",
            "Region, PUBLIC", "TT1, PUBLIC", "Company, COMPANY", "SotePrivate, COMPANY", "TT2, OTHER", "Unknown, OTHER"})
    void classifiesOrganisationTypes(String ptvType, String type) {
        assertThat(PtvMapper.providerType(ptvType).name()).isEqualTo(type);
    }
}
