package fi.avain.routes.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.LocalizedText;
import fi.avain.mappings.model.MunicipalityCode;
import fi.avain.mappings.model.Provider;
import fi.avain.mappings.model.ProviderType;
import fi.avain.mappings.model.PublicationStatus;
import fi.avain.mappings.model.ServiceClassUri;
import fi.avain.mappings.model.ServiceOffering;
import fi.avain.mappings.model.SourceRef;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts providers and services into the catalogue copy as the sync does: the same HSDS objects and facets
 * ({@link CatalogueItems}), saved by the same queries ({@link CatalogueCopyQueries}), for tests of what
 * reads the copy from other packages.
 */
public final class TestCatalogueCopy {
    private static final Instant MODIFIED = Instant.parse("2026-10-01T12:00:00Z");

    private final CatalogueItems items;
    private final CatalogueCopyQueries copy;
    private final TransactionTemplate transaction;

    public TestCatalogueCopy(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ObjectMapper json) {
        this.items = new CatalogueItems(json);
        this.copy = new CatalogueCopyQueries(jdbc, batch);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(
                batch.getJdbcTemplate().getDataSource()));
    }

    /** In a transaction, as the sync saves: an item and its facets commit together. */
    private void save(CatalogueItem item) {
        transaction.executeWithoutResult(status -> copy.save(List.of(item), i -> false, MODIFIED));
    }

    /** A company from the comparison catalogue. */
    public UUID provider(String name) {
        Provider provider = new Provider(UUID.randomUUID(), new SourceRef("comparison", name), ProviderType.COMPANY,
                LocalizedText.of("fi", name), LocalizedText.EMPTY, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                PublicationStatus.PUBLISHED, MODIFIED);
        save(items.organization(provider));
        return provider.id();
    }

    /**
     * A published service of the provider (null: none) in the service class (a PTV code), in the
     * municipalities given (none: nationwide), with these funding modes.
     */
    public UUID service(UUID provider, String serviceClass, List<String> municipalities, FundingMode... modes) {
        ServiceOffering service = new ServiceOffering(UUID.randomUUID(),
                new SourceRef("comparison", "svc-" + UUID.randomUUID()), LocalizedText.of("fi", "Palvelu " + serviceClass),
                LocalizedText.EMPTY, LocalizedText.EMPTY, LocalizedText.EMPTY,
                List.of(ServiceClassUri.ofCode(serviceClass)), List.of(), municipalities.isEmpty(),
                municipalities.stream().map(MunicipalityCode::parse).toList(), List.of(),
                provider == null ? List.of() : List.of(provider), Optional.empty(), Set.copyOf(Arrays.asList(modes)),
                List.of("fi"), List.of(), Optional.empty(), PublicationStatus.PUBLISHED, MODIFIED);
        save(items.service(service));
        return service.id();
    }
}
