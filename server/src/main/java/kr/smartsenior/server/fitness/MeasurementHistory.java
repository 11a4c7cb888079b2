package kr.smartsenior.server.fitness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A member's stored results, oldest first, as the evaluation and the prescription read them. */
@Component
public final class MeasurementHistory {

    private static final Logger log = LoggerFactory.getLogger(MeasurementHistory.class);
    private static final String PROTOCOL = "protocol";
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
                .query((rs, n) -> {
                    String kind = rs.getString("kind");
                    String code = rs.getString("code");
                    // a test's grade needs only how it was taken; exercises are read whole (progression)
                    String detail = rs.getString("detail");
                    return new Result(code, kind, new BigDecimal(rs.getString("value")),
                            OffsetDateTime.parse(rs.getString("taken_at")),
                            "test".equals(kind) ? protocolOnly(memberId, detail) : detail(memberId, detail));
                })
                .list();
    }

    /** Just the detail's top-level {@code protocol} (the grade depends on it), without reading the rest. */
    private Map<String, Object> protocolOnly(String memberId, String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try (JsonParser parser = json.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (PROTOCOL.equals(field)) {
                    return value == JsonToken.VALUE_STRING ? Map.of(PROTOCOL, parser.getText()) : Map.of(PROTOCOL, "?");
                }
                parser.skipChildren();
            }
            return Map.of();
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
