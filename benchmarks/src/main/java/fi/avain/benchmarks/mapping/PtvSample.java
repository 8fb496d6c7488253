package fi.avain.benchmarks.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.hsds.HsdsMapper;
import fi.avain.mappings.ptv.PtvMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real PTV responses the mapping benchmark reads, each with the mapping the catalogue sync applies to it. */
public enum PtvSample {
    ETALUKIO_SERVICE("etalukio_service.json", Mapping.SERVICE),
    LOADER_SERVICE("loader_service.json", Mapping.SERVICE),
    OTAVA_SERVICE_CHANNEL("otava_service_channel.json", Mapping.CHANNEL);

    private enum Mapping { SERVICE, CHANNEL }

    private final String file;
    private final Mapping mapping;

    PtvSample(String file, Mapping mapping) {
        this.file = file;
        this.mapping = mapping;
    }

    byte[] bytes() {
        try (InputStream in = PtvSample.class.getResourceAsStream("/ptv/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource ptv/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode toHsds(PtvMapper ptv, HsdsMapper hsds, JsonNode node) {
        return switch (mapping) {
            case SERVICE -> hsds.service(ptv.service(node));
            case CHANNEL -> hsds.location(ptv.channel(node));
        };
    }
}
