package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantCatalogTest {
    private static final String GOOD = """
            tenant: t1
            name: Tenant One
            clientGroups:
              - {code: disability, name: Vammaispalvelut}
            instruments:
              - code: kykyviisari
                name: Kykyviisari
                dimensions: [physical, mental]
                scale: {min: 0, max: 10}
                higherIsBetter: true
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheSandboxTenantsFile() {
        TenantCatalog catalog = new TenantCatalog(Path.of("../config/tenants"));

        Tenant tenant = catalog.tenant("sandbox-county").orElseThrow();
        assertThat(catalog.all()).containsExactly(tenant);
        assertThat(tenant.name()).isEqualTo("Sandbox County");
        assertThat(tenant.clientGroups()).extracting(ClientGroup::code)
                .containsExactly("disability", "family", "elderly", "carers", "mental-health");
        assertThat(tenant.clientGroup("family")).contains(new ClientGroup("family", "Lapsiperheet"));
        Instrument kykyviisari = tenant.instrument("kykyviisari").orElseThrow();
        assertThat(kykyviisari.dimensions()).containsExactly("physical", "mental", "social", "cognitive", "daily");
        assertThat(kykyviisari.scale()).isEqualTo(new Instrument.Scale(new BigDecimal("0"), new BigDecimal("10")));
        assertThat(kykyviisari.higherIsBetter()).isTrue();
        assertThat(catalog.tenant("other-county")).isEmpty();
    }

    @Test
    void aMissingDirectoryHasNoTenants() {
        assertThat(new TenantCatalog(dir.resolve("none")).all()).isEmpty();
    }

    @Test
    void instrumentsAreOptional() throws IOException {
        write("t1.yml", GOOD.substring(0, GOOD.indexOf("instruments:")));

        assertThat(new TenantCatalog(dir).tenant("t1").orElseThrow().instruments()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "tenant: t1                        | tenant: t2                            | tenant: must be the file's name without .yml (t1)",
            "name: Tenant One                  | name: ''                              | name: is missing",
            "  - {code: disability, name: Vammaispalvelut} | '  - {code: Disability, name: V}' | clientGroups[0].code: must be a code of lower-case letters, digits, - and _",
            "  - {code: disability, name: Vammaispalvelut} | '  - {code: a, name: A}\n  - {code: a, name: B}' | clientGroups[1].code: repeats an earlier group's code",
            "clientGroups:                     | clientGroups: []                      | clientGroups: must be a non-empty list",
            "    dimensions: [physical, mental] | '    dimensions: [physical, physical]' | instruments[0].dimensions[1]: repeats an earlier dimension",
            "    dimensions: [physical, mental] | '    dimensions: [Physical]'         | instruments[0].dimensions[0]: must be a name of lower-case letters, digits and _ (a CSV column)",
            "    scale: {min: 0, max: 10}      | '    scale: {min: 10, max: 0}'       | instruments[0].scale.max: must be greater than min",
            "    scale: {min: 0, max: 10}      | '    scale: {min: 0, max: ten}'      | instruments[0].scale.max: must be a number",
            "    scale: {min: 0, max: 10}      | '    scale: {min: 0, maximum: 10}'   | instruments[0].scale: has an unknown field 'maximum' (known: max, min)",
            "    higherIsBetter: true          | '    higherIsBetter: yes please'     | instruments[0].higherIsBetter: must be true or false",
            "    higherIsBetter: true          | '    lowerIsBetter: true'            | instruments[0]: has an unknown field 'lowerIsBetter' (known: code, dimensions, higherIsBetter, name, scale)"})
    void refusesToStartOnAWrongFileNamingTheFileAndTheField(String line, String replacement, String error)
            throws IOException {
        // the CSV source strips the lines' indentation, which the text they replace keeps
        Path file = write("t1.yml", GOOD.replace(line.strip(), replacement.strip().replace("\\n", "\n")));
        if (replacement.startsWith("clientGroups: []")) {
            Files.writeString(file, GOOD.replaceAll("(?s)clientGroups:\\n  - \\{[^}]*}\\n", "clientGroups: []\n"));
        }

        assertThatThrownBy(() -> new TenantCatalog(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessage(file + ": " + error);
    }

    @Test
    void refusesAFileThatIsNotYaml() throws IOException {
        Path file = write("t1.yml", "tenant: t1\nname: [unclosed\n");

        assertThatThrownBy(() -> new TenantCatalog(dir)).hasMessageStartingWith(file + ": is not valid YAML: ");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
