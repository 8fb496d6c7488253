package fi.avain.mappings.comparison;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fi.avain.mappings.MappingException;

/** A quality indicator cell: {@code name=value/scale@date}, several separated by {@code |}. */
final class CsvIndicators {
    private CsvIndicators() {
    }

    static ArrayNode parse(String cell, String column) {
        ArrayNode indicators = JsonNodeFactory.instance.arrayNode();
        for (String indicator : cell.split("\\|")) {
            if (indicator.isBlank()) {
                continue;
            }
            int equals = indicator.indexOf('=');
            int slash = indicator.indexOf('/', equals + 1);
            int at = indicator.lastIndexOf('@');
            if (equals <= 0 || slash < 0 || at < slash) {
                throw new MappingException(column, "each indicator must be name=value/scale@date");
            }
            indicators.addObject()
                    .put("name", indicator.substring(0, equals).strip())
                    .put("value", indicator.substring(equals + 1, slash).strip())
                    .put("scale", indicator.substring(slash + 1, at).strip())
                    .put("date", indicator.substring(at + 1).strip());
        }
        return indicators;
    }
}
