package fi.avain.benchmarks.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.mappings.hsds.HsdsMapper;
import fi.avain.mappings.ptv.PtvMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One PTV document to HSDS bytes as the catalogue sync maps it ({@link #ptvToHsds}), against Jackson
 * only reading and writing the same document ({@link #jacksonRoundTrip}): the ratio of the two is the
 * mapping's own cost, whatever the machine. Defaults suit 2 cores; scripts/bench passes the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PtvToHsdsBenchmark {
    @Param({"ETALUKIO_SERVICE", "LOADER_SERVICE", "OTAVA_SERVICE_CHANNEL"})
    public PtvSample sample;

    private final ObjectMapper json = new ObjectMapper();
    private final PtvMapper ptv = new PtvMapper();
    private final HsdsMapper hsds = new HsdsMapper();
    private byte[] document;

    @Setup
    public void read() {
        document = sample.bytes();
    }

    @Benchmark
    public byte[] ptvToHsds() throws IOException {
        return json.writeValueAsBytes(sample.toHsds(ptv, hsds, json.readTree(document)));
    }

    @Benchmark
    public byte[] jacksonRoundTrip() throws IOException {
        return json.writeValueAsBytes(json.readTree(document));
    }
}
