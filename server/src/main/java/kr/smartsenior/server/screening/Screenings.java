package kr.smartsenior.server.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Screenings in the database; rows are only added, the latest is in force. */
@Component
public final class Screenings {

    private static final TypeReference<Map<String, Boolean>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Screenings(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The latest screening of a member, if any. */
    public Optional<Screening> latest(String memberId) {
        return jdbc.sql("""
                SELECT s.id, s.member_id, s.recorded_at, s.recorded_by, s.answers, s.systolic, s.diastolic, s.note,
                       c.cleared_by, c.clinician, c.agreed_on, c.recorded_at AS cleared_at
                FROM screening s LEFT JOIN screening_clearance c ON c.screening_id = s.id
                WHERE s.member_id = ? ORDER BY s.recorded_at_ms DESC, s.id DESC LIMIT 1""")
                .param(memberId).query((rs, n) -> read(rs)).optional();
    }

    /** The status of the member's latest screening now. */
    public ScreeningStatus status(String memberId) {
        return ScreeningStatus.of(latest(memberId), clock.instant());
    }

    Screening record(String memberId, String siteId, String staff, Map<ScreeningQuestion, Boolean> answers,
            Integer systolic, Integer diastolic, String note) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Screening screening = new Screening(UUID.randomUUID().toString(), memberId, now, staff, answers, systolic,
                diastolic, null, note);
        jdbc.sql("""
                INSERT INTO screening (id, member_id, site_id, recorded_at, recorded_at_ms, recorded_by, answers,
                                       systolic, diastolic, cleared_by, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(screening.id(), memberId, siteId, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now),
                        now.toInstant().toEpochMilli(), staff, write(answers), systolic, diastolic, null, note)
                .update();
        return screening;
    }

    /** Stores the clearance of a screening; false (nothing stored) if it already has one. */
    boolean clear(Screening screening, String staff, String clinician, LocalDate agreedOn) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbc.sql("""
                INSERT INTO screening_clearance (screening_id, member_id, cleared_by, clinician, agreed_on,
                                                 recorded_at, recorded_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (screening_id) DO NOTHING""")
                .params(screening.id(), screening.memberId(), staff, clinician, agreedOn.toString(),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now), now.toInstant().toEpochMilli())
                .update() == 1;
    }

    /** Every screening of a member, newest first, each with its clearance if one was recorded. */
    public List<Screening> history(String memberId) {
        return jdbc.sql("""
                SELECT s.id, s.member_id, s.recorded_at, s.recorded_by, s.answers, s.systolic, s.diastolic, s.note,
                       c.cleared_by, c.clinician, c.agreed_on, c.recorded_at AS cleared_at
                FROM screening s LEFT JOIN screening_clearance c ON c.screening_id = s.id
                WHERE s.member_id = ? ORDER BY s.recorded_at_ms DESC, s.id DESC""")
                .param(memberId).query((rs, n) -> read(rs)).list();
    }

    private Screening read(ResultSet rs) throws SQLException {
        Map<ScreeningQuestion, Boolean> answers = new EnumMap<>(ScreeningQuestion.class);
        try {
            json.readValue(rs.getString("answers"), ANSWERS).forEach((k, v) -> answers.put(ScreeningQuestion.valueOf(k), v));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("stored screening answers are unreadable", e);
        }
        Clearance clearance = rs.getString("cleared_by") == null ? null : new Clearance(rs.getString("cleared_by"),
                rs.getString("clinician"), LocalDate.parse(rs.getString("agreed_on")),
                OffsetDateTime.parse(rs.getString("cleared_at")));
        return new Screening(rs.getString("id"), rs.getString("member_id"),
                OffsetDateTime.parse(rs.getString("recorded_at")), rs.getString("recorded_by"), answers,
                (Integer) rs.getObject("systolic", Integer.class), (Integer) rs.getObject("diastolic", Integer.class),
                clearance, rs.getString("note"));
    }

    private String write(Map<ScreeningQuestion, Boolean> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
