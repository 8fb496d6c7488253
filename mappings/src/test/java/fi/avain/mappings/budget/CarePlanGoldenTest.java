package fi.avain.mappings.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.GoldenFiles;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Care-plan JSON in, the canonical plan out (rendered with the identity code masked, as it may be logged). */
class CarePlanGoldenTest {

    static Stream<Path> plans() {
        return GoldenFiles.inputs("care-plan");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void mapsACarePlan(Path input) {
        GoldenFiles.check(input, json -> render(CarePlanMapper.fromTree(json)));
    }

    @Test
    void refusalsNeverRepeatTheIdentityCode() throws Exception {
        byte[] json = Files.readString(Path.of("src/test/resources/golden/care-plan/bad-identity-code.input.json"))
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CarePlanMapper.fromJson(json)).isInstanceOf(MappingException.class)
                .message().doesNotContain("010190");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> CarePlanMapper.fromJson("{\"planId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class).hasMessage("plan: must be well-formed JSON without duplicate keys");
        assertThatThrownBy(() -> CarePlanMapper.fromJson("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class).hasMessage("plan: must be a JSON object");
    }

    @Test
    void refusesAPlanThatSaysTwoThings() throws Exception {
        String plan = Files.readString(Path.of("src/test/resources/golden/care-plan/full.input.json"));
        String duplicated = plan.replaceFirst("\\{", "{\"planId\": \"other\", ");
        String trailing = plan + " {}";
        for (String json : new String[] {duplicated, trailing}) {
            assertThatThrownBy(() -> CarePlanMapper.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(MappingException.class)
                    .hasMessage("plan: must be well-formed JSON without duplicate keys");
        }
    }

    @Test
    void refusesAnAmountWithADecimalCommaOrSpaces() throws Exception {
        String plan = Files.readString(Path.of("src/test/resources/golden/care-plan/full.input.json"));
        assertThat(plan).contains("\"6000.00\"");
        for (String amount : new String[] {"\"6000,00\"", "\" 6000.00 \""}) {
            byte[] json = plan.replace("\"6000.00\"", amount).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> CarePlanMapper.fromJson(json)).as(amount).isInstanceOf(MappingException.class)
                    .hasMessageContaining("allocated");
        }
    }

    @Test
    void anAmountAsAJsonNumberIsReadExactlyOrRefusedByItsField() throws Exception {
        String plan = Files.readString(Path.of("src/test/resources/golden/care-plan/full.input.json"));
        for (String number : new String[] {"1e400", "1e999999999", "-1e400", "0.001", "12345678901234"}) {
            byte[] json = plan.replace("1200.5", number).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> CarePlanMapper.fromJson(json)).as(number).isInstanceOf(MappingException.class)
                    .message().startsWith("lines[1].allocated: ");
        }
        byte[] large = plan.replace("1200.5", "9999999999999.99").getBytes(StandardCharsets.UTF_8);
        assertThat(CarePlanMapper.fromJson(large).lines().get(1).allocated()).isEqualTo(Money.ofCents(999999999999999L));
    }

    @Test
    void aLineWithoutItsOwnPeriodTakesThePlans() throws Exception {
        CarePlan plan = CarePlanMapper.fromJson(Files.readAllBytes(
                Path.of("src/test/resources/golden/care-plan/full.input.json")));
        assertThat(plan.lines().get(0).period()).isEqualTo(plan.period());
        assertThat(plan.lines().get(1).allocated()).isEqualTo(Money.ofCents(120050));
        assertThat(plan.toString()).doesNotContain("010190-123M");
    }

    static JsonNode render(CarePlan plan) {
        ObjectNode out = GoldenFiles.JSON.createObjectNode();
        out.put("planId", plan.planId());
        out.put("tenant", plan.tenant());
        out.put("client", plan.client().toString());
        out.put("homeMunicipality", plan.homeMunicipality() == null ? null : plan.homeMunicipality().value());
        out.put("clientGroup", plan.clientGroup());
        out.put("cohort", plan.cohort().code());
        out.put("period", plan.period().start() + "/" + plan.period().end());
        ArrayNode lines = out.putArray("lines");
        for (PlanLine line : plan.lines()) {
            ObjectNode l = lines.addObject();
            l.put("code", line.code());
            l.put("category", line.category());
            l.put("allocatedCents", line.allocated().cents());
            l.put("period", line.period().start() + "/" + line.period().end());
            line.serviceClasses().stream().map(Object::toString).sorted().forEach(l.putArray("serviceClasses")::add);
            line.merchantCategoryCodes().stream().sorted().forEach(l.putArray("merchantCategoryCodes")::add);
            line.channels().stream().map(Channel::code).sorted().forEach(l.putArray("channels")::add);
            l.put("perTransactionLimitCents", line.perTransactionLimit() == null ? null : line.perTransactionLimit().cents());
            l.put("perDayLimitCents", line.perDayLimit() == null ? null : line.perDayLimit().cents());
            l.put("clientShareCharged", line.clientShareCharged());
        }
        return out;
    }
}
