package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.mappings.fhir.Grant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A caller's scope written for their paging links: the same for equal scopes, different for any change. */
class PortalAccessScopeTest {
    static final UUID SELF = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID CLIENT = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID GRANT = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

    @Test
    void equalScopesWriteTheSameWhateverTheOrderTheyWereBuiltIn() {
        Map<UUID, Set<Grant>> one = new LinkedHashMap<>();
        one.put(CLIENT, EnumSet.of(Grant.SPENDS, Grant.BUDGET));
        one.put(SELF, EnumSet.allOf(Grant.class));
        Map<UUID, Set<Grant>> other = new LinkedHashMap<>();
        other.put(SELF, Set.of(Grant.DECLARATIONS, Grant.BUDGET, Grant.SPENDS));
        other.put(CLIENT, Set.of(Grant.BUDGET, Grant.SPENDS));

        assertThat(scope("person-1", one, Map.of(CLIENT, GRANT)).fingerprint())
                .isEqualTo(scope("person-1", other, Map.of(CLIENT, GRANT)).fingerprint());
    }

    @Test
    void anyChangeOfWhoOrWhatWritesDifferently() {
        String before = scope("person-1", Map.of(CLIENT, Set.of(Grant.BUDGET)), Map.of(CLIENT, GRANT)).fingerprint();

        assertThat(scope("person-2", Map.of(CLIENT, Set.of(Grant.BUDGET)), Map.of(CLIENT, GRANT)).fingerprint())
                .isNotEqualTo(before);
        assertThat(scope("person-1", Map.of(CLIENT, Set.of(Grant.BUDGET, Grant.SPENDS)), Map.of(CLIENT, GRANT))
                .fingerprint()).as("a grant added").isNotEqualTo(before);
        assertThat(scope("person-1", Map.of(OTHER, Set.of(Grant.BUDGET)), Map.of(OTHER, GRANT)).fingerprint())
                .as("another client").isNotEqualTo(before);
        assertThat(scope("person-1", Map.of(CLIENT, Set.of(Grant.BUDGET)), Map.of(CLIENT, OTHER)).fingerprint())
                .as("another grant").isNotEqualTo(before);
    }

    @Test
    void partsCannotRunIntoEachOther() {
        PortalAccessService.Scope split = new PortalAccessService.Scope("ab", "c", false, Optional.empty(), Map.of(),
                Map.of());
        PortalAccessService.Scope joined = new PortalAccessService.Scope("a", "bc", false, Optional.empty(), Map.of(),
                Map.of());

        assertThat(split.fingerprint()).isNotEqualTo(joined.fingerprint());
    }

    static PortalAccessService.Scope scope(String actor, Map<UUID, Set<Grant>> clients, Map<UUID, UUID> representing) {
        Map<UUID, Set<Grant>> all = new LinkedHashMap<>(clients);
        all.putIfAbsent(SELF, EnumSet.allOf(Grant.class));
        return new PortalAccessService.Scope(actor, "citizen", false, Optional.of(SELF), all, representing);
    }
}
