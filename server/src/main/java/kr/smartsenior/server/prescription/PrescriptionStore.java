package kr.smartsenior.server.prescription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored prescription versions; the highest version of a member is current. */
@Component
final class PrescriptionStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    PrescriptionStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Plan> current(String memberId) {
        return jdbc.sql("SELECT body FROM prescription WHERE member_id = ? ORDER BY version DESC LIMIT 1")
                .param(memberId).query(String.class).optional().map(this::read);
    }

    Optional<Plan> version(String memberId, int version) {
        return jdbc.sql("SELECT body FROM prescription WHERE member_id = ? AND version = ?")
                .params(memberId, version).query(String.class).optional().map(this::read);
    }

    List<Integer> versions(String memberId) {
        return jdbc.sql("SELECT version FROM prescription WHERE member_id = ? ORDER BY version")
                .param(memberId).query(Integer.class).list();
    }

    /** Stores a new version; false (and nothing stored) if another writer took this version first. */
    boolean insert(Plan plan, String siteId) {
        return jdbc.sql("""
                INSERT INTO prescription (member_id, version, site_id, created_at, created_at_ms, body)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (member_id, version) DO NOTHING""")
                .params(plan.memberId(), plan.version(), siteId,
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(plan.createdAt()),
                        plan.createdAt().toInstant().toEpochMilli(), write(plan))
                .update() == 1;
    }

    private Plan read(String body) {
        try {
            return json.readValue(body, Plan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored prescription is unreadable", e);
        }
    }

    private String write(Plan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a prescription cannot be written as JSON", e);
        }
    }
}
