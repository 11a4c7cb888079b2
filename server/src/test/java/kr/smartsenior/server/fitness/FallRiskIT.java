package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.ServerApi.Response;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * STEADI's key questions through the real server (embedded broker, SQLite): a "yes" leaves the
 * PAR-Q+ status clear, reaches the evaluation through the screening's port and keeps the senior off
 * "낮음" until a new screening answers "no".
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FallRiskIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aFallAnsweredAtTheScreeningRaisesFallRiskButNeedsNoClearance() {
        try (TestServer server = TestServer.embedded()) {
            ServerApi api = server.api();
            String siteId = "fr-" + UUID.randomUUID().toString().substring(0, 8);
            api.createSite(siteId, "낙상시험 경로당");
            String memberId = api.createMember(siteId, "이영희", 1957, "F");

            Response fell = api.post("/api/members/" + memberId + "/screening",
                    screening(ScreeningQuestion.FELL_PAST_YEAR));
            assertThat(fell.status()).as(fell.body()).isEqualTo(201);
            assertThat(fell.json().at("/status/state").asText()).isEqualTo("CLEAR");
            assertThat(fell.json().at("/status/answeredYes")).isEmpty();
            assertThat(fell.json().get("questions").findValuesAsText("kind")).contains("PAR_Q", "FALL_RISK");

            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(1);
            publish(server, siteId, List.of(
                    record(memberId, MeasurementCode.TIMED_UP_AND_GO, "9.0", at),
                    record(memberId, MeasurementCode.ONE_LEG_STANCE, "20", at)));
            // stored before the ack: the evaluation (computed on read) sees them at once

            JsonNode risk = api.get("/api/members/" + memberId + "/evaluation").json().get("fallRisk");
            assertThat(risk.get("level").asText()).isEqualTo("ELEVATED");
            assertThat(risk.get("korean").asText()).isEqualTo("주의");
            assertThat(risk.get("flags")).as(risk.toString()).isEmpty();
            assertThat(risk.get("notMeasured").toString()).isEqualTo("[\"CHAIR_STAND_30S\"]");
            assertThat(risk.get("keyAnswers").findValuesAsText("question")).containsExactly("FELL_PAST_YEAR");

            api.post("/api/members/" + memberId + "/screening", screening());
            JsonNode after = api.get("/api/members/" + memberId + "/evaluation").json().get("fallRisk");
            assertThat(after.get("level").asText()).as(after.toString()).isEqualTo("LOW");
            assertThat(after.get("missing")).isEmpty();
        }
    }

    private static Map<String, Object> screening(ScreeningQuestion... yes) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q.name(), List.of(yes).contains(q));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("systolic", 120);
        body.put("diastolic", 80);
        return body;
    }

    private static MeasurementRecord record(String memberId, MeasurementCode code, String value, OffsetDateTime at) {
        return MeasurementRecord.of(memberId, code, new BigDecimal(value), at,
                Map.of(RecordDetail.PROTOCOL, MeasurementProtocol.of(code).id()));
    }

    private static void publish(TestServer server, String siteId, List<MeasurementRecord> records) {
        String batchId = "fr-" + UUID.randomUUID().toString().substring(0, 8);
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), siteId, "kiosk-1")) {
            kiosk.publishMeasurements(new ProtocolCodec().encode(new MeasurementBatch(batchId, "kiosk-1",
                    OffsetDateTime.now(ZoneOffset.ofHours(9)), records)));
            assertThat(kiosk.awaitAck(batchId, WAIT).accepted()).hasSize(records.size());
        }
    }
}
