package fi.avain.routes.reports;

import java.util.List;
import java.util.Optional;

/**
 * A tenant (wellbeing services county) as its file in {@code avain.tenants-dir} describes it: its client
 * groups and the outcome instruments it measures with.
 */
public record Tenant(String code, String name, List<ClientGroup> clientGroups, List<Instrument> instruments) {
    public Tenant {
        clientGroups = List.copyOf(clientGroups);
        instruments = List.copyOf(instruments);
    }

    public Optional<ClientGroup> clientGroup(String code) {
        return clientGroups.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public Optional<Instrument> instrument(String code) {
        return instruments.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
