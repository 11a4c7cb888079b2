package kr.smartsenior.server.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Members and their measurements, the same on SQLite and PostgreSQL. */
@Timeout(60)
class MemberRepositoryIT {

    private static final String BOTH = "kr.smartsenior.server.testsupport.TestDatabase#both";

    @ParameterizedTest
    @MethodSource(BOTH)
    void registersAndFindsAMember(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            MemberRepository members = repository(db);
            site(db, "ydp-01");

            Member created = members.create(request("ydp-01", "<b>김영희</b> 🌸", 1948, "F"), "admin");

            assertThat(MemberIds.isWellFormed(created.id())).isTrue();
            assertThat(created.cardVersion()).isEqualTo(1);
            assertThat(members.find(created.id())).contains(created);
            assertThat(members.find(created.id()).orElseThrow().displayName()).isEqualTo("<b>김영희</b> 🌸");
            assertThat(members.find("0000000000")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void listsMeasurementsInWireFormOldestFirst(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            MemberRepository members = repository(db);
            site(db, "ydp-01");
            Member member = members.create(request("ydp-01", "박철수", 1944, "M"), "admin");
            // 10:00 in Seoul is 01:00 UTC, earlier than 02:00 UTC
            UUID later = insert(db, member.id(), "2026-03-01T02:00:00Z", "12.50", "{\"reps\":[1.5,2]}");
            UUID earlier = insert(db, member.id(), "2026-03-01T10:00:00+09:00", "14", "{}");

            List<MeasurementRecord> records = members.measurements(member.id());

            assertThat(records).extracting(MeasurementRecord::id).containsExactly(earlier, later);
            MeasurementRecord first = records.getFirst();
            assertThat(first.takenAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T10:00:00+09:00"));
            assertThat(first.takenAt().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
            assertThat(first.value()).isEqualTo(new BigDecimal("14"));
            assertThat(records.getLast().value()).isEqualTo(new BigDecimal("12.5"));
            assertThat(records.getLast().detail()).isEqualTo(Map.of("reps", List.of(1.5, 2)));
            assertThat(first.memberId()).isEqualTo(member.id());
            assertThat(first.code()).isEqualTo("CHAIR_STAND_30S");
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void updatesDetailsAndKeepsWhoRecordedAnUnchangedConsent(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            MemberRepository members = repository(db);
            site(db, "ydp-01");
            site(db, "ydp-02");
            MemberRequest.ConsentRequest consent = new MemberRequest.ConsentRequest(LocalDate.of(2026, 3, 1), "본인");
            Member member = members.create(new MemberRequest("ydp-01", "김영희", 1948, "F", new BigDecimal("152.5"),
                    null, consent), "kim");

            Member moved = members.update(member.id(), new MemberRequest("ydp-02", "김영희", 1948, "F",
                    new BigDecimal("152.0"), new BigDecimal("51.3"), consent), "lee").orElseThrow();
            Member withdrawn = members.update(member.id(), new MemberRequest("ydp-02", "김영희", 1948, "F", null, null,
                    null), "lee").orElseThrow();

            assertThat(member.consent()).isEqualTo(new Member.Consent("2026-03-01", "본인", "kim"));
            assertThat(member.heightCm()).isEqualTo(new BigDecimal("152.5"));
            assertThat(moved.siteId()).isEqualTo("ydp-02");
            assertThat(moved.heightCm()).isEqualTo(new BigDecimal("152"));
            assertThat(moved.weightKg()).isEqualTo(new BigDecimal("51.3"));
            assertThat(moved.consent().recordedBy()).isEqualTo("kim");
            assertThat(withdrawn.consent()).isNull();
            assertThat(withdrawn.heightCm()).isNull();
            assertThat(members.update("0000000000", request("ydp-01", "x", 1950, "F"), "lee")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void reissuingACardBumpsItsVersionAndListsBySiteByName(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            MemberRepository members = repository(db);
            site(db, "ydp-01");
            site(db, "ydp-02");
            Member park = members.create(request("ydp-01", "박철수", 1944, "M"), "admin");
            Member kim = members.create(request("ydp-01", "김영희", 1948, "F"), "admin");
            members.create(request("ydp-02", "이순자", 1940, "F"), "admin");

            Member reissued = members.reissueCard(park.id()).orElseThrow();

            assertThat(reissued.cardVersion()).isEqualTo(2);
            assertThat(members.reissueCard(park.id()).orElseThrow().cardVersion()).isEqualTo(3);
            assertThat(members.reissueCard("0000000000")).isEmpty();
            assertThat(members.ofSite("ydp-01")).extracting(Member::id).containsExactly(kim.id(), park.id());
            assertThat(members.ofSite("nowhere")).isEmpty();
        }
    }

    private static MemberRequest request(String siteId, String name, int birthYear, String sex) {
        return new MemberRequest(siteId, name, birthYear, sex, null, null, null);
    }

    private static MemberRepository repository(TestDatabase db) {
        return new MemberRepository(JdbcClient.create(db.dataSource()), new ObjectMapper(), Clock.systemUTC());
    }

    private static void site(TestDatabase db, String id) {
        JdbcClient.create(db.dataSource()).sql("INSERT INTO site (id, name, created_at) VALUES (?, ?, ?)")
                .params(id, "경로당", "2026-01-01T00:00:00Z").update();
    }

    private static UUID insert(TestDatabase db, String memberId, String takenAt, String value, String detail) {
        UUID id = UUID.randomUUID();
        JdbcClient.create(db.dataSource()).sql("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                                         taken_at, taken_at_ms, detail, received_at_ms)
                VALUES (?, ?, 'ydp-01', 'kiosk-1', 'b1', 'test', 'CHAIR_STAND_30S', ?, 'count', ?, ?, ?, 0)""")
                .params(id.toString(), memberId, new BigDecimal(value), takenAt,
                        OffsetDateTime.parse(takenAt).toInstant().toEpochMilli(), detail)
                .update();
        return id;
    }
}
