package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesWhatNeedsQuotingAndDisarmsFormulasButNotNegativeAmounts() {
        assertThat(Csv.line(Arrays.asList("a,b", "say \"hi\"", "=SUM(A1)", "-x", new BigDecimal("-12.50"), null, 3L,
                true))).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),'-x,-12.50,,3,true\r\n");
    }
}
