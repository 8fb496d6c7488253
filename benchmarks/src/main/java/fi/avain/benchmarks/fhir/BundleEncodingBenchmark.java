package fi.avain.benchmarks.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The baseline of the portal's search: HAPI's own JSON encoding of the very Bundle the server answered
 * ({@code -p bundle=<file>}, saved by {@code PortalBench search}), parsed once with HAPI. Sampled, so the
 * figures are per call (median, p90, p99) like the search's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BundleEncodingBenchmark {
    @Param("")
    public String bundle;

    private FhirContext context;
    private Bundle parsed;

    @Setup
    public void parse() throws IOException {
        if (bundle.isEmpty()) {
            throw new IllegalArgumentException("-p bundle=<a search Bundle saved by PortalBench search>");
        }
        context = FhirContext.forR4();
        parsed = context.newJsonParser().parseResource(Bundle.class,
                Files.readString(Path.of(bundle), StandardCharsets.UTF_8));
    }

    @Benchmark
    public String encode() {
        return context.newJsonParser().encodeResourceToString(parsed);
    }
}
