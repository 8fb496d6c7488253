package fi.avain.mappings.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HsdsNodesTest {

    @Test
    void takesTheFirstWellFormedEmailAndLeavesMalformedOnesOut() {
        assertThat(HsdsNodes.firstEmail(List.of("kirjaamo at example.fi", " info@example.fi ", "x@y.fi")))
                .contains("info@example.fi");
        assertThat(HsdsNodes.firstEmail(List.of("no-at-sign", "a@b"))).isEmpty();
    }

    @Test
    void takesTheFirstWebUrlWithAHost() {
        assertThat(HsdsNodes.firstWebUrl(List.of("www.example.fi", "ftp://example.fi", "https://example.fi/palvelu")))
                .contains("https://example.fi/palvelu");
    }
}
