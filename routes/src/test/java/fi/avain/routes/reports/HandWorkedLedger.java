package fi.avain.routes.reports;

import static fi.avain.routes.reports.ReportFixture.HOME_CARE;
import static fi.avain.routes.reports.ReportFixture.KYKYVIISARI;
import static fi.avain.routes.reports.ReportFixture.MEALS;
import static fi.avain.routes.reports.ReportFixture.hetu;

import fi.avain.routes.reports.ReportFixture.Budget;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A small ledger whose March 2026 report is worked out by hand (minimum group size 3): three HB clients
 * and three in the control group of the elderly, and one HB client with a disability, whose group is too
 * small to show.
 *
 * <pre>
 * A  HB elderly   plan 1.7.2025 (care 1000, shop 200); card 50.00 held 10.9, captured 12.9; voucher 300.00
 *                 reserved 5.2.2026, 120.00 used (client's share 15.00) on 18.2; a card hold 2.4.2026, after
 *                 the period; kykyviisari 5 → 6.5
 * B  HB elderly   card 80.00 held 30.9.2025 22:30 UTC (1.10. in Finland), captured 5.10; 30.00 held 10.3.2026,
 *                 never captured; 4 → 5
 * C  HB elderly   nothing spent; 400.00 of home care outside Avain in 1/2026 (10.5 h staff, 2 h assistant);
 *                 6 → 6.5 (and 9 in April 2026, after the period)
 * D  control      800.00 imported (11/2025, 1/2026); 5 → 5.2
 * E  control      250.00 imported (12/2025); 4 → 4.1
 * F  control      100.00 of meals (3/2026), and costs before and after the window; 6 → 6
 * G  HB disability card 40.00: a group of one, suppressed
 * </pre>
 */
final class HandWorkedLedger {
    /** When the report is made: the night after the period. */
    static final Instant MADE = Instant.parse("2026-04-01T03:00:00Z");

    private HandWorkedLedger() {
    }

    static void book(ReportFixture f) {
        LocalDate from = LocalDate.parse("2025-07-01");
        LocalDate to = LocalDate.parse("2026-06-30");
        Instant planned = Instant.parse("2025-07-01T09:00:00Z");
        Budget a = f.budget(hetu(1), "elderly", "hb", from, to, 100000, 20000, planned);
        Budget b = f.budget(hetu(2), "elderly", "hb", from, to, 100000, 20000, planned);
        f.budget(hetu(3), "elderly", "hb", from, to, 100000, 20000, planned);
        Budget g = f.budget(hetu(7), "disability", "hb", from, to, 100000, 20000, planned);

        String a1 = f.authorize(a, 5000, Instant.parse("2025-09-10T10:00:00Z"));
        f.capture(a, a1, 5000, Instant.parse("2025-09-12T10:00:00Z"));
        String voucher = f.voucher(a, 30000, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-30"),
                Instant.parse("2026-02-05T10:00:00Z"));
        f.service(voucher, LocalDate.parse("2026-02-18"), 12000, 1500, Instant.parse("2026-02-20T10:00:00Z"));
        f.authorize(a, 2000, Instant.parse("2026-04-02T10:00:00Z"));

        String b1 = f.authorize(b, 8000, Instant.parse("2025-09-30T22:30:00Z"));
        f.capture(b, b1, 8000, Instant.parse("2025-10-05T10:00:00Z"));
        f.authorize(b, 3000, Instant.parse("2026-03-10T10:00:00Z"));

        String g1 = f.authorize(g, 4000, Instant.parse("2025-11-01T10:00:00Z"));
        f.capture(g, g1, 4000, Instant.parse("2025-11-02T10:00:00Z"));

        f.cost(hetu(3), HOME_CARE, YearMonth.parse("2026-01"), 40000, "10.5", "2");
        for (int n = 4; n <= 6; n++) {
            f.member(hetu(n), "elderly", "CONTROL", LocalDate.parse("2025-05-01"));
        }
        f.cost(hetu(4), HOME_CARE, YearMonth.parse("2025-11"), 50000, "5", null);
        f.cost(hetu(4), HOME_CARE, YearMonth.parse("2026-01"), 30000, null, null);
        f.cost(hetu(5), HOME_CARE, YearMonth.parse("2025-12"), 25000, null, null);
        f.cost(hetu(6), MEALS, YearMonth.parse("2026-03"), 10000, null, null);
        f.cost(hetu(6), MEALS, YearMonth.parse("2026-04"), 99900, null, null);
        f.cost(hetu(6), MEALS, YearMonth.parse("2025-03"), 77700, null, null);

        outcomes(f, 1, "2025-07-15", "5", "2026-02-01", "6.5");
        f.outcome(hetu(1), "other", LocalDate.parse("2025-07-15"), "1");
        f.outcome(hetu(1), "other", LocalDate.parse("2026-01-01"), "2");
        outcomes(f, 2, "2025-08-01", "4", "2026-03-15", "5");
        outcomes(f, 3, "2025-07-20", "6", "2026-01-10", "6.5");
        f.outcome(hetu(3), KYKYVIISARI, LocalDate.parse("2026-04-10"), "9");
        outcomes(f, 4, "2025-06-01", "5", "2026-02-01", "5.2");
        outcomes(f, 5, "2025-06-01", "4", "2026-02-01", "4.1");
        outcomes(f, 6, "2025-06-01", "6", "2026-03-01", "6");
        outcomes(f, 7, "2025-07-15", "3", "2026-01-01", "4");

        f.clock.set(MADE);
    }

    private static void outcomes(ReportFixture f, int client, String firstOn, String first, String latestOn,
                                 String latest) {
        f.outcome(hetu(client), KYKYVIISARI, LocalDate.parse(firstOn), first);
        f.outcome(hetu(client), KYKYVIISARI, LocalDate.parse(latestOn), latest);
    }
}
