package kr.smartsenior.server.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.RecordDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored test records of a site that carry a staff member's hand reference (검증 측정). */
@Component
final class HandReferences {

    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };

    /**
     * The predicate is spelled as in the partial index of V37 (a literal, not a parameter), so the
     * database can use that index.
     */
    static final String SELECT = """
            SELECT code, value, detail FROM measurement
            WHERE site_id = ? AND kind = 'test' AND detail LIKE '%%"%s"%%'
            ORDER BY taken_at_ms, id""".formatted(RecordDetail.HAND_REFERENCE);

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HandReferences(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One record: the kiosk's value, the hand reference as stored (any JSON value, null when it is
     * unreadable) and how the result was taken.
     */
    record Pair(String code, BigDecimal kiosk, Object hand, Object protocol) {
    }

    /** Every test record of the site whose detail names a hand reference, oldest first. */
    List<Pair> ofSite(String siteId) {
        return jdbc.sql(SELECT).param(siteId)
                .query((rs, n) -> {
                    Map<String, Object> detail = detail(rs.getString("detail"));
                    return new Pair(rs.getString("code"), new BigDecimal(rs.getString("value")),
                            detail.get(RecordDetail.HAND_REFERENCE), detail.get(RecordDetail.PROTOCOL));
                })
                .list();
    }

    private Map<String, Object> detail(String text) {
        try {
            Map<String, Object> detail = json.readValue(text, OBJECT_MAP);
            return detail == null ? Map.of() : detail;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
