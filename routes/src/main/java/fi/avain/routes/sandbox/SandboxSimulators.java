package fi.avain.routes.sandbox;

import fi.avain.connectors.comparison.ComparisonCatalogue;
import fi.avain.connectors.comparison.ComparisonSimulator;
import fi.avain.connectors.marketplace.MarketplaceSimulator;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.ptv.PtvSimulator;
import fi.avain.connectors.voucher.VoucherSystemSimulator;
import fi.avain.connectors.card.ProcessorCredentials;
import fi.avain.connectors.card.ProcessorSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulators a sandbox process started itself. They start before the application context (their
 * URLs become connector settings) and stop with it.
 */
final class SandboxSimulators implements AutoCloseable {
    /** Generated items are dated from here, so every sandbox generates the same catalogue. */
    static final Instant BASE_TIME = Instant.parse("2026-01-05T06:00:00Z");

    private final PtvSimulator ptv;
    private final ComparisonSimulator comparison;
    private final MarketplaceSimulator marketplace;
    private final ProcessorSimulator processor;
    private final VoucherSystemSimulator voucher;

    private SandboxSimulators(PtvSimulator ptv, ComparisonSimulator comparison, MarketplaceSimulator marketplace,
                              ProcessorSimulator processor, VoucherSystemSimulator voucher) {
        this.ptv = ptv;
        this.comparison = comparison;
        this.marketplace = marketplace;
        this.processor = processor;
        this.voucher = voucher;
    }

    /**
     * @param processorCredentials the processor's API key and webhook secrets, or null for no card processor
     */
    static SandboxSimulators start(int services, long seed, ProcessorCredentials processorCredentials,
                                   Path clearingDir) {
        PtvCatalogue catalogue = PtvCatalogue.generate(services, seed, BASE_TIME);
        PtvSimulator ptv = PtvSimulator.start(catalogue);
        ComparisonSimulator comparison = ComparisonSimulator.start(ComparisonCatalogue.generate(catalogue, seed));
        MarketplaceSimulator marketplace = MarketplaceSimulator.start();
        // Avain's own URL is known only once its server is up; the sandbox aims the processor at it then.
        ProcessorSimulator processor = processorCredentials == null ? null
                : ProcessorSimulator.start(() -> null, processorCredentials, clearingDir);
        VoucherSystemSimulator voucher = VoucherSystemSimulator.start();
        return new SandboxSimulators(ptv, comparison, marketplace, processor, voucher);
    }

    /** The voucher system simulator: it issues vouchers and sends providers' events back to Avain. */
    VoucherSystemSimulator voucher() {
        return voucher;
    }

    /** The card processor simulator, when one runs. */
    Optional<ProcessorSimulator> processor() {
        return Optional.ofNullable(processor);
    }

    Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("ptv", ptv.baseUrl());
        urls.put("comparison", comparison.baseUrl());
        urls.put("marketplace", marketplace.baseUrl());
        if (processor != null) {
            urls.put("processor", processor.baseUrl());
        }
        urls.put("voucher", voucher.baseUrl());
        return urls;
    }

    @Override
    public void close() {
        ptv.close();
        comparison.close();
        marketplace.close();
        voucher.close();
        if (processor != null) {
            processor.close();
        }
    }
}
