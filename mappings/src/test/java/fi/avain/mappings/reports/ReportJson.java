package fi.avain.mappings.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.GoldenFiles;
import java.util.List;
import java.util.function.Function;

/** The reports' records as JSON for golden files: every component by name, numbers as text. */
final class ReportJson {
    private ReportJson() {
    }

    static <T> ArrayNode lines(List<FileLine<T>> lines, Function<T, ObjectNode> record) {
        ArrayNode array = GoldenFiles.JSON.createArrayNode();
        for (FileLine<T> line : lines) {
            ObjectNode node = array.addObject().put("lineNumber", line.lineNumber()).put("raw", line.raw());
            node.set("client", line.client() == null ? null : client(line.client()));
            node.set("record", line.valid() ? record.apply(line.record()) : null);
            node.put("error", line.error());
        }
        return array;
    }

    /** A cost without its client, which {@link #lines} shows for every line. */
    static ObjectNode cost(CostRecord r) {
        return GoldenFiles.JSON.createObjectNode().put("clientGroup", r.clientGroup())
                .put("cohort", r.cohort().name())
                .put("serviceClass", r.serviceClass())
                .put("period", r.period().toString())
                .put("cost", r.cost().euros().toPlainString())
                .put("source", r.source())
                .put("staffHours", r.staffHours() == null ? null : r.staffHours().toPlainString())
                .put("assistantHours", r.assistantHours() == null ? null : r.assistantHours().toPlainString());
    }

    /** A measurement without its client, which {@link #lines} shows for every line. */
    static ObjectNode outcome(OutcomeRecord r) {
        ObjectNode node = GoldenFiles.JSON.createObjectNode();
        node.put("instrument", r.instrument()).put("date", r.date().toString());
        ObjectNode scores = node.putObject("scores");
        r.scores().forEach((dimension, score) -> scores.put(dimension, score.toPlainString()));
        return node.put("goal", r.goal());
    }

    static ObjectNode submission(OutcomeJson.Submission s) {
        ObjectNode node = GoldenFiles.JSON.createObjectNode().put("tenant", s.tenant());
        node.set("client", client(s.record().client()));
        node.set("measurement", outcome(s.record()));
        return node;
    }

    /** Test identity codes are shown whole here: the golden files must show which code a line was read as. */
    private static ObjectNode client(ClientRef client) {
        ObjectNode node = GoldenFiles.JSON.createObjectNode();
        return client instanceof ClientRef.IdentityCode code ? node.put("identityCode", code.hetu().unmasked())
                : node.put("pseudonym", ((ClientRef.Pseudonym) client).value());
    }
}
