package fi.avain.routes.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxPages guard against a runaway source: at most this many GUID pages per kind in one run
 * @param parallelism marketplace calls in flight at once
 * @param chunkParallelism PTV list chunks (of 100 items) worked on at once
 */
@Validated
@ConfigurationProperties("avain.catalogue")
public record CatalogueSettings(
        @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxPages,
        @DefaultValue("8") @Min(1) @Max(64) int parallelism,
        @DefaultValue("2") @Min(1) @Max(16) int chunkParallelism) {
}
