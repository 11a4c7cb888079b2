package kr.smartsenior.server.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Prescription versions on both databases (the V10 migration is portable). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PrescriptionStoreIT {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void storesVersionsReadsThemBackAndNeverOverwritesATakenVersion(Supplier<TestDatabase> kind) {
        try (TestDatabase database = kind.get()) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            jdbc.sql("INSERT INTO site (id, name, created_at) VALUES ('s1', '경로당', '2026-11-21T00:00:00Z')").update();
            jdbc.sql("""
                    INSERT INTO member (id, site_id, display_name, birth_year, sex, card_version, created_at)
                    VALUES ('M7K2Q9XD4T', 's1', '김순자', 1951, 'F', 1, '2026-11-21T00:00:00Z')""").update();
            PrescriptionStore store = new PrescriptionStore(jdbc, JSON);
            Plan first = plan(1, OffsetDateTime.parse("2026-11-20T01:00:00Z"), 1);
            Plan second = plan(2, OffsetDateTime.parse("2026-11-21T01:00:00Z"), 2);

            assertThat(store.insert(first, "s1")).isTrue();
            assertThat(store.insert(second, "s1")).isTrue();

            assertThat(store.current("M7K2Q9XD4T")).contains(second);
            assertThat(store.version("M7K2Q9XD4T", 1)).contains(first);
            assertThat(store.versions("M7K2Q9XD4T")).containsExactly(1, 2);
            assertThat(store.current("NOBODY")).isEmpty();
            assertThat(store.insert(plan(2, OffsetDateTime.parse("2026-11-21T02:00:00Z"), 3), "s1")).isFalse();
            assertThat(store.current("M7K2Q9XD4T")).contains(second);
        }
    }

    private static Plan plan(int version, OffsetDateTime at, int level) {
        Plan.Reason reason = new Plan.Reason("START-LEVEL", "why", List.of("ENDURANCE OK"));
        return new Plan("M7K2Q9XD4T", version, at, PrescriptionRules.RULESET, List.of("빠르게 걷기를 해요."),
                List.of(new Plan.ComponentPlan("AEROBIC", "유산소 운동", "주 5일", "RPE 12-14", "30분", "걷기", "150분",
                        "5분씩", "빠르게 걷기를 해요.", List.of("걷기"), List.of(reason))),
                List.of(new Plan.ProgramLevel("STEP_JUMP", "스텝 & 점프", level, 10, 3, "START", at, "line",
                        List.of(reason))),
                List.of(new Plan.Restriction(RestrictionCode.FALL_SUPPORT, "잡고 하세요", "staff", "SAFE-FALL-SUPPORT")),
                new Plan.Basis("CLEAR", "NORMAL", "LOW", List.of("ENDURANCE OK FIRST"), at));
    }
}
