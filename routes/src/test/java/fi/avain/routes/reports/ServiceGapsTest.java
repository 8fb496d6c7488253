package fi.avain.routes.reports;

import static fi.avain.mappings.model.FundingMode.FREE;
import static fi.avain.mappings.model.FundingMode.PERSONAL_BUDGET;
import static fi.avain.mappings.model.FundingMode.PUBLIC;
import static fi.avain.mappings.model.FundingMode.SELF_PAID;
import static fi.avain.mappings.model.FundingMode.VOUCHER;
import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.mappings.model.FundingMode;
import fi.avain.routes.reports.ServiceGaps.Gap;
import fi.avain.routes.reports.ServiceGaps.NeedLine;
import fi.avain.routes.reports.ServiceGaps.Status;
import fi.avain.routes.reports.ServiceGaps.UnmetMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceGapsTest {
    private static final String URI = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/";

    private final ServiceSupply supply = new ServiceSupply();

    private void offer(String provider, String serviceClass, String municipality, FundingMode... modes) {
        supply.add(new ServiceSupply.Offer(provider, Set.of(modes), Set.of(serviceClass), Set.of(municipality)));
    }

    private static List<NeedLine> clients(int count, String municipality, String serviceClass, String... channels) {
        return IntStream.range(0, count).mapToObj(i -> new NeedLine("t1", municipality + serviceClass + i + String.join("", channels),
                municipality, Set.of(URI + serviceClass), Set.of(channels))).toList();
    }

    private List<Gap> gaps(List<NeedLine> lines, List<UnmetMark> marks) {
        return ServiceGaps.of(lines, marks, supply, 5).needs();
    }

    @ParameterizedTest(name = "a line for {0} is met by a service classed {1}: {2}")
    @CsvSource({"P10, P10.4, true", "P10.4, P10.4, true", "P10.4, P10.4.2, true", "P10.4, P10, false",
            "P10.4, P10.40, false", "P1, P10, false", "P10, P1, false"})
    void aNeedIsMetByItsOwnClassAndTheClassesBelowIt(String line, String service, boolean met) {
        offer("org-a", service, "091", VOUCHER);

        List<Gap> gaps = gaps(clients(5, "091", line, "voucher"), List.of());

        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.serviceClass()).isEqualTo(line);
            assertThat(g.services()).isEqualTo(met ? 1 : 0);
        });
    }

    @ParameterizedTest(name = "a {0} line pays for a service funded as {1}: {2}")
    @CsvSource({"voucher, VOUCHER, true", "voucher, PERSONAL_BUDGET, true", "voucher, SELF_PAID, false",
            "card, PERSONAL_BUDGET, true", "card, SELF_PAID, true", "card, VOUCHER, false",
            "invoice, SELF_PAID, true", "declaration, PERSONAL_BUDGET, true",
            "card, PUBLIC, false", "voucher, PUBLIC, false", "card, FREE, false", "voucher, FREE, false"})
    void onlyFundingModesTheLinesChannelsCanPayCount(String channel, FundingMode mode, boolean counted) {
        offer("org-a", "P4.1", "491", mode);

        assertThat(gaps(clients(5, "491", "P4.1", channel), List.of()))
                .singleElement().extracting(Gap::services).isEqualTo(counted ? 1 : 0);
    }

    @Test
    void aServiceIsAvailableInItsAreaAndEverywhereWhenNationwide() {
        offer("org-a", "P4.1", "491", VOUCHER);
        offer("org-b", "P4.1", ServiceSupply.EVERYWHERE, VOUCHER);
        offer("org-c", "P4.1", "091", VOUCHER);

        assertThat(gaps(clients(5, "491", "P4.1", "voucher"), List.of()))
                .singleElement().satisfies(g -> {
                    assertThat(g.services()).isEqualTo(2);
                    assertThat(g.providers()).isEqualTo(2);
                    assertThat(g.status()).isEqualTo(Status.OK);
                });
    }

    @Test
    void statusIsNoneWithoutServicesSingleWithOneProviderAndOkWithMore() {
        offer("org-a", "P4.1", "491", VOUCHER);
        offer("org-a", "P4.1", "491", PERSONAL_BUDGET);
        offer("org-b", "P6", "491", VOUCHER);
        offer("org-c", "P6", "491", VOUCHER);
        List<NeedLine> lines = new ArrayList<>();
        lines.addAll(clients(5, "491", "P4.1", "voucher"));
        lines.addAll(clients(6, "491", "P6", "voucher"));
        lines.addAll(clients(7, "491", "P7", "voucher"));

        assertThat(gaps(lines, List.of())).containsExactly(
                new Gap("t1", "491", "P4.1", 5, 2, 1, Status.SINGLE),
                new Gap("t1", "491", "P6", 6, 2, 2, Status.OK),
                new Gap("t1", "491", "P7", 7, 0, 0, Status.NONE));
    }

    @Test
    void clientsWhoseLinesPayDifferentlyMakeARowEach() {
        offer("org-a", "P4.1", "491", VOUCHER);
        offer("org-b", "P4.1", "491", SELF_PAID);
        offer("org-c", "P4.1", "491", SELF_PAID);
        List<NeedLine> lines = new ArrayList<>();
        lines.addAll(clients(5, "491", "P4.1", "voucher"));
        lines.addAll(clients(6, "491", "P4.1", "card"));

        assertThat(gaps(lines, List.of())).containsExactly(
                new Gap("t1", "491", "P4.1", 5, 1, 1, Status.SINGLE),
                new Gap("t1", "491", "P4.1", 6, 2, 2, Status.OK));
    }

    @Test
    void aClientCountsOncePerNeedWithTheModesOfAllTheirLines() {
        offer("org-a", "P4.1", "491", VOUCHER);
        offer("org-b", "P4.1", "491", SELF_PAID);
        List<NeedLine> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(new NeedLine("t1", "c" + i, "491", Set.of(URI + "P4.1"), Set.of("voucher")));
            lines.add(new NeedLine("t1", "c" + i, "491", Set.of("P4.1"), Set.of("card")));
        }

        assertThat(gaps(lines, List.of())).containsExactly(new Gap("t1", "491", "P4.1", 5, 2, 2, Status.OK));
    }

    @Test
    void groupsUnderTheMinimumSizeLoseTheirClientCount() {
        List<NeedLine> lines = new ArrayList<>();
        lines.addAll(clients(4, "491", "P4.1", "voucher"));
        lines.addAll(clients(5, "091", "P4.1", "voucher"));

        assertThat(gaps(lines, List.of())).containsExactly(
                new Gap("t1", "091", "P4.1", 5, 0, 0, Status.NONE),
                new Gap("t1", "491", "P4.1", null, 0, 0, Status.NONE));
    }

    @Test
    void unmetMarksCountDistinctClientsAndTakeTheCatalogueAsAnyChannelPays() {
        offer("org-a", "P4.1", "491", SELF_PAID);
        offer("org-b", "P4.1", "491", PUBLIC);
        List<UnmetMark> marks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            marks.add(new UnmetMark("t1", "p" + i, "491", URI + "P4.1"));
        }
        marks.add(new UnmetMark("t1", "p0", "491", "P4.1"));
        marks.add(new UnmetMark("t1", "p9", null, "P4.1"));

        ServiceGaps.Result result = ServiceGaps.of(List.of(), marks, supply, 5);

        assertThat(result.needs()).containsExactly(new Gap("t1", "491", "P4.1", 5, 1, 1, Status.UNMET));
        assertThat(result.withoutMunicipality()).isEqualTo(1);
    }

    @Test
    void linesWithoutAHomeMunicipalityAreCountedApart() {
        ServiceGaps.Result result = ServiceGaps.of(clients(3, null, "P4.1", "card"), List.of(), supply, 5);

        assertThat(result.needs()).isEmpty();
        assertThat(result.withoutMunicipality()).isEqualTo(3);
    }

    @Test
    void rowsAreOrderedByTenantMunicipalityAndClassNumerically() {
        List<NeedLine> lines = new ArrayList<>();
        lines.addAll(clients(5, "491", "P10", "card"));
        lines.addAll(clients(5, "491", "P9.2", "card"));
        lines.addAll(clients(5, "491", "P9", "card"));
        lines.addAll(clients(5, "091", "P10", "card"));

        assertThat(gaps(lines, List.of())).extracting(g -> g.municipality() + " " + g.serviceClass())
                .containsExactly("091 P10", "491 P9", "491 P9.2", "491 P10");
    }

    @Test
    void freeAndPublicServicesAloneLeaveANeedUnmet() {
        offer("org-a", "P4.1", "491", FREE);
        offer("org-b", "P4.1", "491", PUBLIC);

        assertThat(gaps(clients(5, "491", "P4.1", "card", "voucher", "invoice"), List.of()))
                .singleElement().extracting(Gap::status).isEqualTo(Status.NONE);
    }
}
