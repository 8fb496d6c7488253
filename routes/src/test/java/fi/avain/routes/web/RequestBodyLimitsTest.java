package fi.avain.routes.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The two filters that hold request bodies to the limit, as the server chains them. */
class RequestBodyLimitsTest {
    static final int LIMIT = 1024;
    final RequestSizeLimitFilter sizeLimit = new RequestSizeLimitFilter(DataSize.ofBytes(LIMIT));
    final RequestBodyReader reader = new RequestBodyReader(DataSize.ofBytes(LIMIT));
    final AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
    final FilterChain application = (request, response) -> passed.set((HttpServletRequest) request);
    final Filters filter = (request, response, chain) ->
            sizeLimit.doFilter(request, response, (req, res) -> reader.doFilter(req, res, chain));

    interface Filters {
        void doFilter(MockHttpServletRequest request, MockHttpServletResponse response, FilterChain chain)
                throws Exception;
    }

    @Test
    void aPlainBodyOfADeclaredLengthGoesOnUntouched() throws Exception {
        MockHttpServletRequest request = post("/api/v1/plans", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        filter.doFilter(request, new MockHttpServletResponse(), application);

        assertThat(passed.get()).isSameAs(request);
    }

    @Test
    void aGzipBodyGoesOnDecodedWithItsLengthAndNoCoding() throws Exception {
        byte[] json = "{\"resourceType\":\"Subscription\"}".getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = post("/fhir/Subscription", gzip(json));
        request.addHeader("Content-Encoding", "gzip");

        filter.doFilter(request, new MockHttpServletResponse(), application);

        HttpServletRequest read = passed.get();
        assertThat(read.getInputStream().readAllBytes()).isEqualTo(json);
        assertThat(read.getContentLengthLong()).isEqualTo(json.length);
        assertThat(read.getHeader("Content-Length")).isEqualTo(Integer.toString(json.length));
        assertThat(read.getHeader("Content-Encoding")).isNull();
        assertThat(Collections.list(read.getHeaderNames())).doesNotContain("Content-Encoding");
    }

    @Test
    void aChunkedBodyWithinTheLimitGoesOnWithItsLength() throws Exception {
        MockHttpServletRequest request = chunked("/soap/vouchers", "<x/>".getBytes(StandardCharsets.UTF_8));

        filter.doFilter(request, new MockHttpServletResponse(), application);

        assertThat(passed.get().getContentLengthLong()).isEqualTo(4);
        assertThat(new String(passed.get().getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<x/>");
        assertThat(passed.get().getHeader("Transfer-Encoding")).isNull();
    }

    @Test
    void aGzipBodyThatExpandsPastTheLimitIsRefusedInEachCallersFormat() throws Exception {
        byte[] bomb = gzip(new byte[LIMIT * 100]);
        assertThat(bomb.length).isLessThan(LIMIT);

        MockHttpServletResponse api = refused("/api/v1/card/authorizations", bomb, "gzip");
        assertThat(api.getStatus()).isEqualTo(413);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains("at most " + LIMIT + " bytes");

        MockHttpServletResponse fhir = refused("/fhir/Subscription", bomb, "gzip");
        assertThat(fhir.getStatus()).isEqualTo(413);
        assertThat(fhir.getContentAsString()).contains("OperationOutcome", "too-long");

        MockHttpServletResponse soap = refused("/soap/vouchers", bomb, "gzip");
        assertThat(soap.getStatus()).isEqualTo(500);
        assertThat(soap.getContentAsString()).contains("SOAP-ENV:Client", "UNREADABLE_REQUEST", "at most");
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefused() throws Exception {
        MockHttpServletRequest request = chunked("/api/v1/card/stripe", new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, application);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(passed.get()).isNull();
    }

    @Test
    void endlessEmptyGzipMembersAreCutOffByTheirCodedSize() throws Exception {
        byte[] member = gzip(new byte[0]);
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        while (members.size() <= LIMIT) {
            members.write(member);
        }

        MockHttpServletResponse response = refused("/api/v1/plans", members.toByteArray(), "gzip");

        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void otherCodingsAreRefusedWith415AndTheCodingThatWorks() throws Exception {
        for (String coding : new String[] {"br", "deflate", "gzip, gzip", "compress"}) {
            MockHttpServletResponse api = refused("/api/v1/plans", "{}".getBytes(StandardCharsets.UTF_8), coding);
            assertThat(api.getStatus()).as(coding).isEqualTo(415);
            assertThat(api.getHeader("Accept-Encoding")).isEqualTo("gzip");
            assertThat(api.getContentAsString()).contains("\"status\":415").doesNotContain(coding);
        }
        MockHttpServletResponse fhir = refused("/fhir/Subscription", "{}".getBytes(StandardCharsets.UTF_8), "br");
        assertThat(fhir.getStatus()).isEqualTo(415);
        assertThat(fhir.getContentAsString()).contains("not-supported");
        MockHttpServletResponse soap = refused("/soap/vouchers", "<x/>".getBytes(StandardCharsets.UTF_8), "br");
        assertThat(soap.getContentAsString()).contains("SOAP-ENV:Client", "UNREADABLE_REQUEST");
    }

    @Test
    void aRequestWithoutABodyIsNotJudgedByItsCoding() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/plans");
        request.addHeader("Content-Encoding", "br");

        filter.doFilter(request, new MockHttpServletResponse(), application);

        assertThat(passed.get()).isSameAs(request);
    }

    @Test
    void aFormIsLeftToTheContainerUnlessItIsGzip() throws Exception {
        MockHttpServletRequest chunkedForm = chunked("/fhir/ChargeItem/_search", "account=1".getBytes(StandardCharsets.UTF_8));
        chunkedForm.setContentType("application/x-www-form-urlencoded");
        filter.doFilter(chunkedForm, new MockHttpServletResponse(), application);
        assertThat(passed.get()).isSameAs(chunkedForm);

        MockHttpServletRequest gzipForm = post("/fhir/ChargeItem/_search", gzip("account=1".getBytes(StandardCharsets.UTF_8)));
        gzipForm.setContentType("application/x-www-form-urlencoded");
        gzipForm.addHeader("Content-Encoding", "gzip");
        passed.set(null);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(gzipForm, response, application);
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(passed.get()).isNull();
    }

    @Test
    void everyGzipMemberIsDecodedAndTheReaderIsOne() throws Exception {
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        members.write(gzip("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        members.write(gzip("1}".getBytes(StandardCharsets.UTF_8)));
        MockHttpServletRequest request = post("/api/v1/plans", members.toByteArray());
        request.addHeader("Content-Encoding", "gzip");
        request.setCharacterEncoding("UTF-8");

        filter.doFilter(request, new MockHttpServletResponse(), application);

        assertThat(passed.get().getReader()).isSameAs(passed.get().getReader());
        assertThat(passed.get().getReader().readLine()).isEqualTo("{\"a\":1}");
        assertThat(passed.get().getIntHeader("Content-Length")).isEqualTo(7);
    }

    @Test
    void identityIsNoCodingAtAll() throws Exception {
        MockHttpServletRequest request = post("/api/v1/plans", "{}".getBytes(StandardCharsets.UTF_8));
        request.addHeader("Content-Encoding", "identity");

        filter.doFilter(request, new MockHttpServletResponse(), application);

        assertThat(passed.get()).isSameAs(request);
    }

    @Test
    void aBodyThatIsNotGzipIsRefusedAsUnreadable() throws Exception {
        MockHttpServletResponse api = refused("/api/v1/plans", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "gzip");
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentAsString()).contains("not valid gzip");

        byte[] cut = gzip("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = java.util.Arrays.copyOf(cut, cut.length - 6);
        MockHttpServletResponse fhir = refused("/fhir/Subscription", truncated, "gzip");
        assertThat(fhir.getStatus()).isEqualTo(400);
        assertThat(fhir.getContentAsString()).contains("OperationOutcome", "not valid gzip");
    }

    private MockHttpServletResponse refused(String uri, byte[] body, String coding) throws Exception {
        passed.set(null);
        MockHttpServletRequest request = post(uri, body);
        request.addHeader("Content-Encoding", coding);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, application);
        assertThat(passed.get()).as("nothing after the filter ran").isNull();
        return response;
    }

    private static MockHttpServletRequest post(String uri, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContent(body);
        request.addHeader("Content-Length", body.length);
        return request;
    }

    /** As Tomcat presents a chunked body: no length, a Transfer-Encoding header. */
    private static MockHttpServletRequest chunked(String uri, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body);
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
