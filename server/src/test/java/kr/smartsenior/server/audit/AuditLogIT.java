package kr.smartsenior.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log, the same on SQLite and PostgreSQL. */
@Timeout(60)
class AuditLogIT {

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void recordsWhoReadWhatWhenAndFromWhere(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            Clock clock = Clock.fixed(Instant.parse("2026-05-01T01:02:03Z"), ZoneOffset.UTC);
            JdbcClient jdbc = JdbcClient.create(db.dataSource());

            new AuditLog(jdbc, clock).record("staff1", AuditLog.READ_MEMBER, "ABCDEFGHJK", "ydp-01", "10.0.0.7");

            Map<String, Object> row = jdbc.sql("SELECT at_ms, actor, action, member_id, site_id, remote_addr FROM audit_log")
                    .query().singleRow();
            assertThat(((Number) row.get("at_ms")).longValue()).isEqualTo(clock.millis());
            assertThat(row).containsEntry("actor", "staff1").containsEntry("action", "member.read")
                    .containsEntry("member_id", "ABCDEFGHJK").containsEntry("site_id", "ydp-01")
                    .containsEntry("remote_addr", "10.0.0.7");
        }
    }
}
