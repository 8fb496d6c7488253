package fi.avain.routes.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMaskerTest {

    @ParameterizedTest
    @ValueSource(strings = {"131052-308T", "010594Y9032", "010594Y9021", "020594X903P", "020594X902N",
            "030594W903B", "030694W9024", "040594V9030", "040594V902Y", "050594U903M", "050594U902L",
            "010516B903X", "010516B902W", "020516C903K", "020516C902J", "030516D9037", "030516D9026",
            "010501E9032", "020502E902X", "020503F9037", "020504A902E", "020504B904H", "010101+1234",
            "131052-308t", "010516b903x"})
    void masksAnIdentityCodeWithAnyCenturySignInEitherCase(String code) {
        assertThat(PersonalDataMasker.mask("{\"hetu\":\"" + code + "\"}")).isEqualTo("{\"hetu\":\"******-****\"}");
    }

    @Test
    void masksEveryCodeAndKeepsTheRestOfTheText() {
        String text = "<client><id>131052-308T</id><guardian>010594Y9032</guardian><amount>120.50</amount></client>";

        assertThat(PersonalDataMasker.mask(text)).isEqualTo(
                "<client><id>******-****</id><guardian>******-****</guardian><amount>120.50</amount></client>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "voucher 12345 for 2025-01-31|voucher 12345 for 2025-01-31",
            "phone +358 40 123 4567|phone +358 40 123 4567",
            "131052G308T is no code|131052G308T is no code"})
    void leavesTextWithoutIdentityCodesAlone(String text, String expected) {
        assertThat(PersonalDataMasker.mask(text)).isEqualTo(expected);
    }

    @Test
    void leavesNullNull() {
        assertThat(PersonalDataMasker.mask(null)).isNull();
        assertThat(PersonalDataMasker.maskOutsideIds(null)).isNull();
    }

    @Test
    void outsideUuidsLeavesAWholeUuidThatLooksLikeACodeInsideItAlone() {
        String id = "93186671-4263-436a-8484-dd6e1f6d4552";
        assertThat(PersonalDataMasker.mask(id)).isEqualTo("93******-****-436a-8484-dd6e1f6d4552");

        assertThat(PersonalDataMasker.maskOutsideIds("no stored message has id " + id + " for 131052-308T."))
                .isEqualTo("no stored message has id " + id + " for ******-****.");
        assertThat(PersonalDataMasker.maskOutsideIds("131052-308T:" + id)).isEqualTo("******-****:" + id);
        assertThat(PersonalDataMasker.maskOutsideIds("x93186671-4263-436a-8484-dd6e1f6d4552"))
                .as("not a whole UUID").isEqualTo("x93******-****-436a-8484-dd6e1f6d4552");
    }

    @Test
    void outsideIdsLeavesAWholeHexDigestAlone() {
        String digest = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
        String lookAlike = "cf06" + "060523a0361" + "0".repeat(49);
        assertThat(PersonalDataMasker.mask(lookAlike)).as("the digest holds a look-alike").doesNotContain("060523a0361");

        assertThat(PersonalDataMasker.maskOutsideIds(lookAlike)).isEqualTo(lookAlike);
        assertThat(PersonalDataMasker.maskValues(java.util.Map.of("clientHash", lookAlike)))
                .containsEntry("clientHash", lookAlike);
        assertThat(PersonalDataMasker.maskOutsideIds("pseudonym " + digest + " of 131052-308T"))
                .isEqualTo("pseudonym " + digest + " of ******-****");
        assertThat(PersonalDataMasker.maskOutsideIds("x" + lookAlike)).as("not a whole digest")
                .doesNotContain("060523a0361");
        assertThat(PersonalDataMasker.maskOutsideIds("131052-308T")).as("a code is not a digest")
                .isEqualTo("******-****");
    }

    @Test
    void outsideIdsMasksACodeWhoseDateRunsOnFromADigestOrWhoseEndRunsIntoOne() {
        assertThat(PersonalDataMasker.maskOutsideIds("sha " + "ab".repeat(13) + "010190-123M rest"))
                .isEqualTo("sha " + "ab".repeat(13) + "******-**** rest");
        assertThat(PersonalDataMasker.maskOutsideIds("file " + "0".repeat(26) + "010190-123M.csv"))
                .isEqualTo("file " + "0".repeat(26) + "******-****.csv");
        assertThat(PersonalDataMasker.maskOutsideIds("010190-123B" + "c".repeat(28)))
                .isEqualTo("******-****" + "c".repeat(28));
        String id = "93186671-4263-436a-8484-dd6e1f6d4552";
        assertThat(PersonalDataMasker.maskOutsideIds(id + "131052-308T")).doesNotContain("131052-308T");
    }
}
