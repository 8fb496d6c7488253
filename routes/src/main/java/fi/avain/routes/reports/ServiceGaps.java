package fi.avain.routes.reports;

import fi.avain.mappings.model.FundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The needs of the plans in force set against what the catalogue offers. A need is a service class of an
 * open budget line in the client's home municipality, per tenant. Each client counts once per need, with
 * the funding modes of all their lines naming that class; clients whose lines pay the same way see the
 * same services and make one row, so a need whose clients pay differently (a voucher-only line beside a
 * card line) can have a row for each, each true for its clients. Marks of unmet needs make rows of their
 * own, compared with every mode a budget can pay through. Rows of fewer clients than the minimum group
 * size keep their catalogue counts and lose the client count.
 */
final class ServiceGaps {
    enum Status {
        NONE, SINGLE, OK, UNMET;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(ServiceSupply.Count count) {
            if (count.services() == 0) {
                return NONE;
            }
            return count.providers() == 1 ? SINGLE : OK;
        }
    }

    /** An open line of a plan in force: its client (any stable id), where the client lives, what it pays for and how. */
    record NeedLine(String tenant, String client, String municipality, Set<String> serviceClasses, Set<String> channels) {
    }

    /** A worker's mark that a plan's need is unmet; the municipality is the mark's own or the client's. */
    record UnmetMark(String tenant, String pseudonym, String municipality, String serviceClass) {
    }

    /** One row of the report; {@code clients} is null when suppressed. */
    record Gap(String tenant, String municipality, String serviceClass, Integer clients, int services, int providers,
               Status status) {
        boolean suppressed() {
            return clients == null;
        }
    }

    /** @param withoutMunicipality clients (and marked clients) whose needs could not be placed: no home municipality */
    record Result(List<Gap> needs, int withoutMunicipality) {
        long count(Status status) {
            return needs.stream().filter(g -> g.status() == status).count();
        }

        long suppressed() {
            return needs.stream().filter(Gap::suppressed).count();
        }
    }

    private record Need(String tenant, String municipality, String serviceClass) {
    }

    private record Row(Need need, ServiceSupply.Count count, Status status) {
    }

    private static final Comparator<Gap> ORDER = Comparator.comparing(Gap::tenant)
            .thenComparing(Gap::municipality)
            .thenComparing(Gap::serviceClass, ServiceClasses.ORDER)
            .thenComparing(Gap::status)
            .thenComparingInt(Gap::services)
            .thenComparingInt(Gap::providers);

    private ServiceGaps() {
    }

    static Result of(List<NeedLine> lines, List<UnmetMark> marks, ServiceSupply supply, int minGroupSize) {
        Set<String> unplaced = new HashSet<>();
        Map<Need, Map<String, EnumSet<FundingMode>>> clientsByNeed = new LinkedHashMap<>();
        for (NeedLine line : lines) {
            if (blank(line.municipality())) {
                unplaced.add("line:" + line.tenant() + ":" + line.client());
                continue;
            }
            EnumSet<FundingMode> modes = BudgetFunding.fitting(line.channels());
            for (String serviceClass : line.serviceClasses()) {
                Need need = new Need(line.tenant(), line.municipality().strip(), ServiceClasses.key(serviceClass));
                clientsByNeed.computeIfAbsent(need, n -> new HashMap<>())
                        .computeIfAbsent(line.client(), c -> EnumSet.noneOf(FundingMode.class))
                        .addAll(modes);
            }
        }
        Map<Row, Integer> clients = new HashMap<>();
        clientsByNeed.forEach((need, byClient) -> byClient.values().forEach(modes -> {
            ServiceSupply.Count count = supply.count(need.municipality(), need.serviceClass(), modes);
            clients.merge(new Row(need, count, Status.of(count)), 1, Integer::sum);
        }));

        Map<Need, Set<String>> marked = new HashMap<>();
        for (UnmetMark mark : marks) {
            if (blank(mark.municipality())) {
                unplaced.add("mark:" + mark.tenant() + ":" + mark.pseudonym());
                continue;
            }
            marked.computeIfAbsent(new Need(mark.tenant(), mark.municipality().strip(),
                    ServiceClasses.key(mark.serviceClass())), n -> new HashSet<>()).add(mark.pseudonym());
        }
        marked.forEach((need, pseudonyms) -> clients.put(new Row(need,
                supply.count(need.municipality(), need.serviceClass(), BudgetFunding.ANY_CHANNEL), Status.UNMET),
                pseudonyms.size()));

        List<Gap> needs = new ArrayList<>();
        clients.forEach((row, count) -> needs.add(new Gap(row.need().tenant(), row.need().municipality(),
                row.need().serviceClass(), count < minGroupSize ? null : count, row.count().services(),
                row.count().providers(), row.status())));
        needs.sort(ORDER);
        return new Result(List.copyOf(needs), unplaced.size());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
