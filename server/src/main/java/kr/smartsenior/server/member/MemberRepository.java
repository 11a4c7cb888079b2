package kr.smartsenior.server.member;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.card.CardToken;
import kr.smartsenior.server.web.ConflictException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Members, their cards' versions, and the measurements stored for them. */
@Component
final class MemberRepository {

    private static final int ID_ATTEMPTS = 5;
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    MemberRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Registers a member under a fresh random id (the site must exist), card version 1. */
    Member create(MemberRequest request, String staff) {
        String now = now();
        Member.Consent consent = consent(request.consent(), null, staff);
        Member.Contacts contacts = request.contacts() == null ? Member.Contacts.NONE : request.contacts().toContacts();
        for (int attempt = 1; ; attempt++) {
            Member member = new Member(MemberIds.next(), request.siteId(), request.displayName(), request.birthYear(),
                    request.sex(), request.heightCm(), request.weightKg(), consent, 1, contacts);
            try {
                jdbc.sql("""
                        INSERT INTO member (id, site_id, display_name, birth_year, sex, height_cm, weight_kg,
                            consent_date, consent_by, consent_recorded_by, card_version, created_at, updated_at,
                            phone, guardian_name, guardian_phone, guardian_relation)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(member.id(), member.siteId(), member.displayName(), member.birthYear(), member.sex(),
                                member.heightCm(), member.weightKg(), consent == null ? null : consent.date(),
                                consent == null ? null : consent.by(), consent == null ? null : consent.recordedBy(),
                                member.cardVersion(), now, now, contacts.phone(), contacts.guardianName(),
                                contacts.guardianPhone(), contacts.guardianRelation())
                        .update();
                return member;
            } catch (DataAccessException e) {
                // 50 random bits make a clash rare; retry only when the id itself was the problem
                if (attempt >= ID_ATTEMPTS || find(member.id()).isEmpty()) {
                    throw e;
                }
            }
        }
    }

    /**
     * Replaces a member's registration (not the card version). A consent that stays the same keeps the
     * staff account that recorded it. Empty when there is no such member.
     */
    Optional<Member> update(String id, MemberRequest request, String staff) {
        Optional<Member> before = find(id);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Member.Consent consent = consent(request.consent(), before.get().consent(), staff);
        Member.Contacts contacts = request.contacts() == null ? before.get().contacts()
                : request.contacts().toContacts();
        int changed = jdbc.sql("""
                UPDATE member SET site_id = ?, display_name = ?, birth_year = ?, sex = ?, height_cm = ?, weight_kg = ?,
                    consent_date = ?, consent_by = ?, consent_recorded_by = ?, updated_at = ?,
                    phone = ?, guardian_name = ?, guardian_phone = ?, guardian_relation = ?
                WHERE id = ? AND anonymised = 0""")
                .params(request.siteId(), request.displayName(), request.birthYear(), request.sex(),
                        request.heightCm(), request.weightKg(), consent == null ? null : consent.date(),
                        consent == null ? null : consent.by(), consent == null ? null : consent.recordedBy(), now(),
                        contacts.phone(), contacts.guardianName(), contacts.guardianPhone(),
                        contacts.guardianRelation(), id)
                .update();
        return changed == 1 ? find(id) : Optional.empty();
    }

    /**
     * Issues a new card: the card version goes up by one, so every older card stops working. Empty when
     * there is no such member.
     *
     * @throws ConflictException when the member has used up every card version
     */
    Optional<Member> reissueCard(String id) {
        int changed = jdbc.sql("UPDATE member SET card_version = card_version + 1, updated_at = ? WHERE id = ? AND card_version < ? AND anonymised = 0")
                .params(now(), id, CardToken.MAX_CARD_VERSION)
                .update();
        if (changed == 0 && find(id).isPresent()) {
            throw new ConflictException("member " + id + " has reached card version " + CardToken.MAX_CARD_VERSION);
        }
        return find(id);
    }

    Optional<Member> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = ? AND anonymised = 0").param(id).query((rs, n) -> toMember(rs)).optional();
    }

    /** The members of a site, by name then id. */
    List<Member> ofSite(String siteId) {
        return jdbc.sql(SELECT + " WHERE site_id = ? AND anonymised = 0 ORDER BY display_name, id").param(siteId)
                .query((rs, n) -> toMember(rs)).list();
    }

    private static final String SELECT = """
            SELECT id, site_id, display_name, birth_year, sex, height_cm, weight_kg, consent_date, consent_by,
                consent_recorded_by, card_version, phone, guardian_name, guardian_phone, guardian_relation FROM member""";

    private static Member toMember(ResultSet rs) throws SQLException {
        String consentDate = rs.getString("consent_date");
        Member.Consent consent = consentDate == null ? null
                : new Member.Consent(consentDate, rs.getString("consent_by"), rs.getString("consent_recorded_by"));
        return new Member(rs.getString("id"), rs.getString("site_id"), rs.getString("display_name"),
                rs.getInt("birth_year"), rs.getString("sex"), decimal(rs.getString("height_cm")),
                decimal(rs.getString("weight_kg")), consent, rs.getInt("card_version"),
                new Member.Contacts(rs.getString("phone"), rs.getString("guardian_name"),
                        rs.getString("guardian_phone"), rs.getString("guardian_relation")));
    }

    private static Member.Consent consent(MemberRequest.ConsentRequest given, Member.Consent before, String staff) {
        if (given == null) {
            return null;
        }
        String date = given.date().toString();
        if (before != null && before.date().equals(date) && before.by().equals(given.by())) {
            return before;
        }
        return new Member.Consent(date, given.by(), staff);
    }

    private String now() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(clock));
    }

    /** Read as text: SQLite may hold NUMERIC as REAL; both databases print it exactly. */
    private static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** The member's records in wire form, oldest first. */
    List<MeasurementRecord> measurements(String memberId) {
        return jdbc.sql("""
                SELECT id, member_id, kind, code, value, unit, taken_at, detail
                FROM measurement WHERE member_id = ? ORDER BY taken_at_ms, id""")
                .param(memberId)
                .query((rs, n) -> toRecord(rs))
                .list();
    }

    private MeasurementRecord toRecord(ResultSet rs) throws SQLException {
        BigDecimal value = decimal(rs.getString("value"));
        return new MeasurementRecord(UUID.fromString(rs.getString("id")), rs.getString("member_id"),
                rs.getString("kind"), rs.getString("code"), value, rs.getString("unit"),
                OffsetDateTime.parse(rs.getString("taken_at")), readDetail(rs.getString("detail")));
    }

    private Map<String, Object> readDetail(String text) {
        try {
            return text == null || text.isEmpty() ? Map.of() : json.readValue(text, OBJECT_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored detail is not JSON", e);
        }
    }
}
