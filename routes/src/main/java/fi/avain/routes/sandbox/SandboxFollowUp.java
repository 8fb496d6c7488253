package fi.avain.routes.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobRunner;
import fi.avain.routes.jobs.JobSummary;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost and impact follow-up's samples: a costs file and an outcomes file for the sandbox tenant,
 * written under {@code data/samples/} and imported by the same jobs an operator runs. The HB cohort is
 * the budgets' clients in the disability group, the control cohort twelve clients in two groups known
 * only from the costs file; costs cover the six months before this one, outcomes a baseline then and a
 * measurement this month. Every figure follows from the client and the month, so a restarted sandbox
 * imports the same rows again and changes nothing.
 *
 * <p>The identity codes are made up, with individual numbers 900–999 as artificial test codes have.
 */
final class SandboxFollowUp {
    static final String COSTS_FILE = "costs.csv";
    static final String OUTCOMES_FILE = "outcomes.csv";
    private static final Logger log = LoggerFactory.getLogger(SandboxFollowUp.class);
    private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");
    private static final String CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final String[] DIMENSIONS = {"physical", "mental", "social", "cognitive", "daily"};
    private static final int MONTHS = 6;

    /** One client of the follow-up: who, which group and cohort, and the services the costs file lists. */
    record Client(String hetu, String group, boolean hb, String municipality, List<String> serviceClasses) {
    }

    /** The HB clients whose plans the sandbox makes besides the sample client's. */
    static final List<Client> MORE_HB = List.of(
            client(LocalDate.of(1986, 4, 12), 911, "disability", true, "091"),
            client(LocalDate.of(1979, 9, 3), 912, "disability", true, "049"),
            client(LocalDate.of(2001, 1, 27), 913, "disability", true, "092"),
            client(LocalDate.of(1968, 11, 19), 914, "disability", true, "837"));

    private final JobRunner jobs;
    private final Clock clock;

    SandboxFollowUp(JobRunner jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Every client the follow-up's files name: the HB cohort first, then the control cohort. */
    static List<Client> clients() {
        List<Client> clients = new ArrayList<>();
        clients.add(new Client(SandboxSamples.CLIENT_HETU, "disability", true, "091", List.of("P4.2")));
        clients.addAll(MORE_HB);
        clients.add(new Client(SandboxSamples.CONTROL_HETU, "family", false, "091", List.of("P4.6", "P10.4")));
        for (int i = 0; i < 12; i++) {
            boolean disability = i % 2 == 0;
            LocalDate birth = disability ? LocalDate.of(1960 + 3 * i, 1 + i, 5 + i)
                    : LocalDate.of(1980 + i, 12 - i, 2 + 2 * i);
            clients.add(client(birth, 921 + i, disability ? "disability" : "family", false,
                    List.of("091", "049", "092", "837").get(i % 4)));
        }
        return clients;
    }

    private static Client client(LocalDate birth, int individual, String group, boolean hb, String municipality) {
        List<String> classes = !group.equals("disability") ? List.of("P4.6", "P10.4")
                : hb ? List.of("P4.2") : List.of("P10.1", "P4.2", "P3.5");
        return new Client(hetu(birth, individual), group, hb, municipality, classes);
    }

    /** An identity code: date, century sign, individual number and the check character of the nine digits. */
    static String hetu(LocalDate birth, int individual) {
        String date = "%02d%02d%02d".formatted(birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100);
        char sign = birth.getYear() >= 2000 ? 'A' : '-';
        long number = Long.parseLong(date + "%03d".formatted(individual));
        return date + sign + "%03d".formatted(individual) + CHECK_CHARS.charAt((int) (number % 31));
    }

    /** Writes the two files and imports them; their names go into {@code samples}. */
    void create(ObjectNode samples, Path dataDir) {
        YearMonth now = YearMonth.now(clock.withZone(FINLAND));
        Path dir = dataDir.resolve("samples");
        try {
            Files.createDirectories(dir);
            Path costs = dir.resolve(COSTS_FILE);
            Path outcomes = dir.resolve(OUTCOMES_FILE);
            Files.writeString(costs, costsCsv(now), StandardCharsets.UTF_8);
            Files.writeString(outcomes, outcomesCsv(now), StandardCharsets.UTF_8);
            for (Map.Entry<String, Path> job : List.of(Map.entry("import-costs", costs),
                    Map.entry("import-outcomes", outcomes))) {
                JobSummary summary = jobs.run(job.getKey(), Map.of("file", job.getValue().toString(),
                        "tenant", SandboxSamples.TENANT), JobProgress.NONE);
                if (summary.status() != JobSummary.Status.DONE) {
                    log.warn("sandbox follow-up samples: {} ended {}", job.getKey(), summary.toJson());
                }
            }
            samples.put("costsFile", costs.toString());
            samples.put("outcomesFile", outcomes.toString());
        } catch (IOException e) {
            log.warn("sandbox follow-up samples not written: {}", e.toString());
        }
    }

    static String costsCsv(YearMonth now) {
        StringBuilder csv = new StringBuilder("client,client_group,cohort,service_class,period,cost,source,staff_hours,"
                + "assistant_hours\n");
        for (Client c : clients()) {
            for (int m = MONTHS; m >= 1; m--) {
                YearMonth month = now.minusMonths(m);
                for (String serviceClass : c.serviceClasses()) {
                    Random random = new Random(Objects.hash(c.hetu(), month.toString(), serviceClass));
                    Cost cost = cost(c, serviceClass, random);
                    csv.append(String.join(",", c.hetu(), c.group(), c.hb() ? "hb" : "control", serviceClass,
                            month.toString(), cost.euros.toPlainString(), "talousjarjestelma",
                            cost.staffHours == null ? "" : cost.staffHours.toPlainString(),
                            cost.assistantHours == null ? "" : cost.assistantHours.toPlainString())).append('\n');
                }
            }
        }
        return csv.toString();
    }

    private record Cost(BigDecimal euros, BigDecimal staffHours, BigDecimal assistantHours) {
    }

    /**
     * A month's cost: personal assistance by the hour (HB clients' case management only, since their budget
     * buys the rest), family work and respite, home support, physiotherapy visits.
     */
    private static Cost cost(Client c, String serviceClass, Random random) {
        return switch (serviceClass) {
            case "P4.2" -> {
                BigDecimal hours = c.hb() ? null : hours(40 + random.nextInt(60));
                BigDecimal staff = hours(c.hb() ? 2 + random.nextInt(3) : 3 + random.nextInt(5));
                BigDecimal euros = staff.multiply(BigDecimal.valueOf(62))
                        .add(hours == null ? BigDecimal.ZERO : hours.multiply(BigDecimal.valueOf(28.5)));
                yield new Cost(euros.setScale(2, RoundingMode.HALF_UP), staff, hours);
            }
            case "P4.6" -> {
                BigDecimal staff = hours(4 + random.nextInt(12));
                yield new Cost(staff.multiply(BigDecimal.valueOf(68)).setScale(2, RoundingMode.HALF_UP), staff, null);
            }
            case "P10.4" -> new Cost(BigDecimal.valueOf(120L * random.nextInt(4)).setScale(2), null, null);
            case "P3.5" -> new Cost(BigDecimal.valueOf(72.5 * (1 + random.nextInt(4))).setScale(2,
                    RoundingMode.HALF_UP), null, null);
            default -> {
                BigDecimal staff = hours(6 + random.nextInt(20));
                yield new Cost(staff.multiply(BigDecimal.valueOf(52)).setScale(2, RoundingMode.HALF_UP), staff, null);
            }
        };
    }

    private static BigDecimal hours(int halfHours) {
        return BigDecimal.valueOf(halfHours).divide(BigDecimal.valueOf(2)).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A baseline on the first day of the first costed month and a measurement on the first day of this one. */
    static String outcomesCsv(YearMonth now) {
        StringBuilder csv = new StringBuilder("client,instrument,date," + String.join(",", DIMENSIONS) + ",goal\n");
        LocalDate baseline = now.minusMonths(MONTHS).atDay(1);
        LocalDate latest = now.atDay(1);
        for (Client c : clients()) {
            Random random = new Random(Objects.hash(c.hetu(), "kykyviisari"));
            String goal = c.group().equals("family") ? "Arki sujuu ja lapset voivat hyvin"
                    : "Asuu omassa kodissa ja liikkuu itse kodin ulkopuolella";
            int[] start = new int[DIMENSIONS.length];
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            for (int d = 0; d < DIMENSIONS.length; d++) {
                start[d] = 3 + random.nextInt(4);
                // HB clients gain about two points a dimension, control clients about half a point
                int gain = c.hb() ? 1 + random.nextInt(3) : random.nextInt(3) - 1 + random.nextInt(2);
                before.append(',').append(start[d]);
                after.append(',').append(Math.max(0, Math.min(10, start[d] + gain)));
            }
            csv.append(c.hetu()).append(",kykyviisari,").append(baseline).append(before).append(',').append(goal)
                    .append('\n');
            csv.append(c.hetu()).append(",kykyviisari,").append(latest).append(after).append(',').append(goal)
                    .append('\n');
        }
        return csv.toString();
    }
}
