package fi.avain.mappings.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvParserTest {

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() {
        List<CsvParser.Line> lines = CsvParser.parse(new StringReader(
                "a;\"b;c\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";;x\nlast;;"));

        assertThat(lines).extracting(CsvParser.Line::number).containsExactly(1, 2, 4);
        assertThat(lines.get(0).fields()).containsExactly("a", "b;c", "say \"hi\"");
        assertThat(lines.get(1).fields()).containsExactly("two\nlines", "", "x");
        assertThat(lines.get(2).fields()).containsExactly("last", "", "");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a;b\"c;d| a quote inside an unquoted field",
            "\"ab\"c;d| text follows a closing quote",
            "a;\"never closed| a quoted field is not closed"})
    void reportsAMalformedLineAndGoesOnWithTheNext(String broken, String reason) {
        List<CsvParser.Line> lines = CsvParser.parse(new StringReader("h1;h2\n" + broken + "\nok;1\n"));

        assertThat(lines.get(1).number()).isEqualTo(2);
        assertThat(lines.get(1).error()).isEqualTo(reason);
        if (!reason.contains("not closed")) {
            assertThat(lines.get(2).fields()).containsExactly("ok", "1");
            assertThat(lines.get(2).number()).isEqualTo(3);
        }
    }
}
