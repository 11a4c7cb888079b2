package kr.smartsenior.server.fitness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
                    boolean wantDetail = !"test".equals(kind) || "SIT_AND_REACH".equals(code);
                    return new Result(code, kind, new BigDecimal(rs.getString("value")),
                            OffsetDateTime.parse(rs.getString("taken_at")),
                            wantDetail ? detail(memberId, rs.getString("detail")) : Map.of());
                })
                .list();
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
