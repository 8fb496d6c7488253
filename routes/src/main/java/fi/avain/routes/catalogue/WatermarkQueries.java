package fi.avain.routes.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How far each source's changes have been applied, per kind of item. */
@Component
class WatermarkQueries {
    private final JdbcClient jdbc;

    WatermarkQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> get(String source, String kind) {
        return jdbc.sql("select watermark from sync_watermark where source = :source and kind = :kind")
                .param("source", source)
                .param("kind", kind)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    @Transactional
    void set(String source, String kind, Instant watermark, Instant now) {
        jdbc.sql("delete from sync_watermark where source = :source and kind = :kind")
                .param("source", source)
                .param("kind", kind)
                .update();
        jdbc.sql("""
                insert into sync_watermark (source, kind, watermark, updated_at)
                values (:source, :kind, :watermark, :now)
                """)
                .param("source", source)
                .param("kind", kind)
                .param("watermark", Timestamp.from(watermark))
                .param("now", Timestamp.from(now))
                .update();
    }
}
