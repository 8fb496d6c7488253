package fi.avain.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.comparison.ComparisonCatalogue;
import fi.avain.connectors.comparison.ComparisonSimulator;

/** The comparison catalogue's state between tests. */
final class ComparisonCatalogueFixtures {
    private ComparisonCatalogueFixtures() {
    }

    static ComparisonCatalogue empty() {
        return ComparisonCatalogue.empty();
    }

    static void clear(ComparisonSimulator simulator) {
        for (String businessId : simulator.catalogue().businessIds()) {
            simulator.catalogue().remove(businessId);
        }
    }

    /** Makes the simulator's catalogue hold exactly the given providers. */
    static void replace(ComparisonSimulator simulator, ComparisonCatalogue source) {
        clear(simulator);
        for (String businessId : source.businessIds()) {
            simulator.catalogue().put((ObjectNode) source.provider(businessId).orElseThrow());
        }
    }
}
