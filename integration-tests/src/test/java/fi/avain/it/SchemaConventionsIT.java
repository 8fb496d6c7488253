package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The migrations keep the SQL conventions: text not varchar, time with zone, no floating point, named constraints. */
class SchemaConventionsIT extends AvainIntegrationTest {

    private List<Map<String, Object>> columns() {
        return jdbc.sql("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = :schema and table_name <> 'flyway_schema_history'
                """).param("schema", SCHEMA).query().listOfRows();
    }

    @Test
    void textColumnsAreTextAndTimesCarryTheirZone() {
        assertThat(columns()).isNotEmpty().allSatisfy(column -> assertThat(column.get("data_type"))
                .as(column.get("table_name") + "." + column.get("column_name"))
                .isNotIn("character varying", "character", "timestamp without time zone", "real", "double precision"));
    }

    /** Quartz's job store names its own tables (qrtz_triggers, ...); only the prefix is ours to choose. */
    @Test
    void tableNamesAreSingular() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = :schema and table_name <> 'flyway_schema_history'
                  and table_name not like 'qrtz\\_%'
                """).param("schema", SCHEMA).query(String.class).list();

        assertThat(tables).isNotEmpty().allSatisfy(table -> assertThat(table).doesNotEndWith("s"));
    }

    @Test
    void everyConstraintHasAChosenName() {
        List<String> constraints = jdbc.sql("""
                select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                where n.nspname = :schema and c.contype in ('p', 'f', 'u', 'c')
                """).param("schema", SCHEMA).query(String.class).list();

        // PostgreSQL names unnamed constraints <table>_pkey, <table>_<column>_fkey, _key or _check.
        assertThat(constraints).isNotEmpty().allSatisfy(name -> assertThat(name).doesNotEndWith("_pkey")
                .doesNotEndWith("_fkey").doesNotEndWith("_key").doesNotEndWith("_check"));
    }
}
