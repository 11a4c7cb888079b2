package kr.smartsenior.server.fitness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.smartsenior.protocol.RecordDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A member's stored results, oldest first, as the evaluation and the prescription read them. */
@Component
public final class MeasurementHistory {

    private static final Logger log = LoggerFactory.getLogger(MeasurementHistory.class);
    /** The detail keys a test's evaluation reads: how it was taken, and which hand (grip). */
    private static final java.util.Set<String> TEST_KEYS = java.util.Set.of(RecordDetail.PROTOCOL, RecordDetail.HAND);
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MeasurementHistory(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every test and exercise record of the member, oldest first. */
    public List<Result> of(String memberId) {
        return jdbc.sql("""
                SELECT kind, code, value, taken_at, detail FROM measurement
                WHERE member_id = ? ORDER BY taken_at_ms, id""")
                .param(memberId)
                .query(row(memberId))
                .list();
    }

    /**
     * What the derived work (evaluation, alerts, prescription) reads of a member, oldest first: every
     * test (a test's evaluation compares it with every earlier one: the trend, the procedure, the
     * count of results taken another way), but only the exercise and check records taken since
     * {@code othersFrom} and the latest of them. The records are those of {@link #of} without the
     * older exercise and check records, whose details are the largest to read; the evaluation, the
     * alert rules and the prescription rules give the same answer from it as from {@link #of} as long
     * as {@code othersFrom} is no later than what they look back on: the 7 days of an "unwell" answer
     * (alerts) and the time each program's level was set (prescription). Served by the index
     * {@code measurement_member_kind_taken}.
     */
    public List<Result> forEvaluation(String memberId, Instant othersFrom) {
        return jdbc.sql("""
                SELECT kind, code, value, taken_at, detail FROM measurement
                WHERE member_id = ? AND (kind = 'test' OR taken_at_ms >= ? OR taken_at_ms =
                  (SELECT MAX(taken_at_ms) FROM measurement WHERE member_id = ? AND kind <> 'test'))
                ORDER BY taken_at_ms, id""")
                .params(memberId, othersFrom.toEpochMilli(), memberId)
                .query(row(memberId))
                .list();
    }

    /** Only the member's tests, oldest first (what the kiosk's "내 기록" lists): {@link #of} without the rest. */
    public List<Result> tests(String memberId) {
        return jdbc.sql("""
                SELECT kind, code, value, taken_at, detail FROM measurement
                WHERE member_id = ? AND kind = 'test' ORDER BY taken_at_ms, id""")
                .param(memberId)
                .query(row(memberId))
                .list();
    }

    private org.springframework.jdbc.core.RowMapper<Result> row(String memberId) {
        return (rs, n) -> {
                    String kind = rs.getString("kind");
                    String code = rs.getString("code");
                    // a test's evaluation needs only how it was taken and the grip's hand; exercises are read
                    // whole (progression)
                    String detail = rs.getString("detail");
                    return new Result(code, kind, new BigDecimal(rs.getString("value")),
                            OffsetDateTime.parse(rs.getString("taken_at")),
                            "test".equals(kind) ? testKeys(memberId, detail) : detail(memberId, detail));
        };
    }

    /**
     * Just the detail's top-level {@code protocol} (the grade depends on it) and {@code hand} (grip),
     * without reading the rest. A value that is not a string is kept as "?" (read as unknown).
     */
    Map<String, Object> testKeys(String memberId, String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try (JsonParser parser = json.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            Map<String, Object> keys = new LinkedHashMap<>();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (TEST_KEYS.contains(field) && !keys.containsKey(field)) {
                    keys.put(field, value == JsonToken.VALUE_STRING ? parser.getText() : "?");
                }
                parser.skipChildren();
                if (keys.size() == TEST_KEYS.size()) {
                    break;
                }
            }
            return Map.copyOf(keys);
        } catch (IOException e) {
            log.warn("member {}: a stored detail is not a JSON object; read as empty", memberId);
            return Map.of();
        }
    }

    private Map<String, Object> detail(String memberId, String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return json.readValue(text, OBJECT_MAP);
        } catch (JsonProcessingException e) {
            log.warn("member {}: a stored detail is not a JSON object; read as empty", memberId);
            return Map.of();
        }
    }
}
