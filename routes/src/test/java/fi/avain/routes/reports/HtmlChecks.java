package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** What every report page must be: well-formed, with its charts inline, and naming no outside resource. */
final class HtmlChecks {
    private static final Pattern RESOURCE = Pattern.compile(
            "(?i)(https?:|<script|<link|<iframe|<img|\\bsrc\\s*=|\\bhref\\s*=|url\\(|@import)");

    private HtmlChecks() {
    }

    static Document assertSelfContained(String html, int charts) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document page = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(page.getElementsByTagName("svg").getLength()).as("inline charts").isGreaterThanOrEqualTo(charts);
        assertThat(occurrences(html, "<svg")).isGreaterThanOrEqualTo(charts);
        Matcher resource = RESOURCE.matcher(html);
        assertThat(resource.find()).as(resource.find(0) ? "refers to " + resource.group() : "refers to nothing")
                .isFalse();
        return page;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
