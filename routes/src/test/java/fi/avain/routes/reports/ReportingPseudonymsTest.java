package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.mappings.model.Hetu;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ReportingPseudonymsTest {
    private static final Hetu CODE = Hetu.parse("010190-123M");
    /** Base64 of 32 bytes 0x2a and of 32 bytes 0x07: keys for tests only. */
    private static final String KEY = "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=";
    private static final String OTHER_KEY = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";

    @Test
    void aClientHasOnePseudonymPerTenantAndItDiffersBetweenTenants() {
        ReportingPseudonyms pseudonyms = new ReportingPseudonyms(new MockEnvironment()
                .withProperty("avain.reports.keys.t1", KEY)
                .withProperty("avain.reports.keys.t2", OTHER_KEY));

        String first = pseudonyms.of("t1", CODE);

        assertThat(first).isEqualTo(pseudonyms.of("t1", Hetu.parse("010190-123m")));
        assertThat(pseudonyms.looksLikePseudonym(first)).isTrue();
        assertThat(pseudonyms.of("t2", CODE)).isNotEqualTo(first);
        assertThat(first).doesNotContain("010190");
    }

    @Test
    void knowsAPseudonymByItsForm() {
        ReportingPseudonyms pseudonyms = new ReportingPseudonyms(new MockEnvironment());

        assertThat(pseudonyms.looksLikePseudonym("ab".repeat(32))).isTrue();
        assertThat(pseudonyms.looksLikePseudonym("AB".repeat(32))).isFalse();
        assertThat(pseudonyms.looksLikePseudonym("ab".repeat(31))).isFalse();
        assertThat(pseudonyms.looksLikePseudonym("010190-123M")).isFalse();
        assertThat(pseudonyms.looksLikePseudonym(null)).isFalse();
    }

    @Test
    void aMissingShortOrMalformedKeyIsAnErrorNamingTheSettingButNotTheCode() {
        ReportingPseudonyms pseudonyms = new ReportingPseudonyms(new MockEnvironment()
                .withProperty("avain.reports.keys.short", "c2hvcnQ=")
                .withProperty("avain.reports.keys.bad", "not base64!"));

        assertThatThrownBy(() -> pseudonyms.of("t9", CODE)).hasMessage(
                "no reporting key for tenant 't9': set avain.reports.keys.t9 (base64, at least 32 bytes)");
        assertThatThrownBy(() -> pseudonyms.of("short", CODE))
                .hasMessage("avain.reports.keys.short is 5 bytes; a reporting key needs at least 32");
        assertThatThrownBy(() -> pseudonyms.of("bad", CODE)).hasMessage("avain.reports.keys.bad is not base64");
    }
}
