package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantCatalogTest {
    @TempDir
    Path dir;

    @Test
    void readsEachTenantsClientGroupsAndInstruments() {
        TenantCatalog catalog = new TenantCatalog(Path.of("src/test/resources/reports/tenants"));

        TenantCatalog.Tenant t1 = catalog.tenant("t1").orElseThrow();
        assertThat(t1.name()).isEqualTo("Test County");
        assertThat(t1.clientGroup("elderly")).map(TenantCatalog.ClientGroup::name).contains("Ikääntyneet");
        TenantCatalog.Instrument kykyviisari = t1.instrument("kykyviisari").orElseThrow();
        assertThat(kykyviisari.dimensions()).hasSize(5);
        assertThat(kykyviisari.scale()).isEqualTo(new TenantCatalog.Scale(BigDecimal.ZERO, BigDecimal.TEN));
        assertThat(kykyviisari.higherIsBetter()).isTrue();
        assertThat(catalog.tenant("t2")).isEmpty();
        assertThat(catalog.all()).extracting(TenantCatalog.Tenant::code).containsExactly("t1");
    }

    @Test
    void noDirectoryIsNoTenants() {
        assertThat(new TenantCatalog(dir.resolve("missing")).all()).isEmpty();
    }

    @Test
    void aBrokenFileStopsStartUpNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("t3.yml"), "tenant: t4\n");
        assertThatThrownBy(() -> new TenantCatalog(dir)).hasMessageContaining("t3.yml")
                .hasMessageContaining("file is named for 't3'");

        Files.writeString(dir.resolve("t3.yml"), "tenant: t3\ninstruments:\n  - {code: x, name: X}\n");
        assertThatThrownBy(() -> new TenantCatalog(dir)).hasMessageContaining("an instrument's scale must be a mapping");
    }
}
