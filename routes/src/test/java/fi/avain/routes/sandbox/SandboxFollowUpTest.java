package fi.avain.routes.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.mappings.budget.Cohort;
import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.reports.CostFiles;
import fi.avain.mappings.reports.CostRecord;
import fi.avain.mappings.reports.FileLine;
import fi.avain.mappings.reports.OutcomeFiles;
import fi.avain.mappings.reports.OutcomeRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SandboxFollowUpTest {
    private static final YearMonth NOW = YearMonth.of(2026, 3);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void theClientsHaveValidDistinctIdentityCodesAndFiveOrMorePerCohortInTheDisabilityGroup() {
        List<SandboxFollowUp.Client> clients = SandboxFollowUp.clients();

        assertThat(clients).extracting(SandboxFollowUp.Client::hetu).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(Hetu.isValid(code)).as("a valid identity code").isTrue());
        assertThat(clients.stream().collect(Collectors.groupingBy(c -> c.group() + " " + (c.hb() ? "hb" : "control"),
                Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("disability hb", 5L, "disability control", 6L,
                        "family control", 7L));
        assertThat(SandboxFollowUp.hetu(LocalDate.of(2001, 1, 27), 913)).isEqualTo("270101A913X")
                .satisfies(code -> assertThat(Hetu.isValid(code)).isTrue());
    }

    @Test
    void theCostsFileHasSixMonthsOfEveryClientsServicesAndReadsWithoutARefusal() throws IOException {
        List<FileLine<CostRecord>> lines = new ArrayList<>();
        CostFiles.read(in(SandboxFollowUp.costsCsv(NOW)), TODAY, lines::add);

        assertThat(lines).allSatisfy(line -> assertThat(line.error()).isNull());
        assertThat(lines).extracting(line -> line.record().period()).containsOnly(YearMonth.of(2025, 9),
                YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12), YearMonth.of(2026, 1),
                YearMonth.of(2026, 2));
        assertThat(lines.stream().filter(l -> l.record().cohort() == Cohort.HB)).hasSize(5 * 6);
        assertThat(lines).hasSize(5 * 6 + 6 * 6 * 3 + 7 * 6 * 2);
        assertThat(SandboxFollowUp.costsCsv(NOW)).isEqualTo(SandboxFollowUp.costsCsv(NOW));
    }

    @Test
    void theOutcomesFileHasABaselineAndALatestMeasurementOfEveryClientOnTheScale() throws IOException {
        List<FileLine<OutcomeRecord>> lines = new ArrayList<>();
        OutcomeFiles.read(in(SandboxFollowUp.outcomesCsv(NOW)), TODAY, lines::add);

        assertThat(lines).hasSize(2 * SandboxFollowUp.clients().size())
                .allSatisfy(line -> assertThat(line.error()).isNull());
        assertThat(lines).extracting(line -> line.record().date())
                .containsOnly(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 3, 1));
        assertThat(lines).flatExtracting(line -> List.copyOf(line.record().scores().values()))
                .allSatisfy(score -> assertThat(score).isBetween(BigDecimal.ZERO, BigDecimal.TEN));
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
