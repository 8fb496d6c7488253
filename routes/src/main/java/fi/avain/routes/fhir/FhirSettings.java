package fi.avain.routes.fhir;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paging of FHIR searches ({@code avain.fhir.*}): the page a search answers when it names no
 * {@code _count}, the largest it may ask for, and how long after the search its paging links work.
 */
@ConfigurationProperties("avain.fhir")
public record FhirSettings(Integer defaultPageSize, Integer maxPageSize, Duration pageLinkLifetime) {
    public FhirSettings {
        defaultPageSize = defaultPageSize == null ? 50 : defaultPageSize;
        maxPageSize = maxPageSize == null ? 2000 : maxPageSize;
        pageLinkLifetime = pageLinkLifetime == null ? Duration.ofMinutes(30) : pageLinkLifetime;
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize
                || pageLinkLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("avain.fhir: 1 <= default-page-size <= max-page-size, "
                    + "page-link-lifetime >= 1s");
        }
    }
}
