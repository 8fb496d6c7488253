package fi.avain.routes.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paging of FHIR searches ({@code avain.fhir.*}): the page a search answers when it names no
 * {@code _count}, and the largest it may ask for.
 */
@ConfigurationProperties("avain.fhir")
public record FhirSettings(Integer defaultPageSize, Integer maxPageSize, Integer pagedSearches) {
    public FhirSettings {
        defaultPageSize = defaultPageSize == null ? 50 : defaultPageSize;
        maxPageSize = maxPageSize == null ? 2000 : maxPageSize;
        pagedSearches = pagedSearches == null ? 1000 : pagedSearches;
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize || pagedSearches < 1) {
            throw new IllegalArgumentException("avain.fhir: 1 <= default-page-size <= max-page-size, paged-searches >= 1");
        }
    }
}
