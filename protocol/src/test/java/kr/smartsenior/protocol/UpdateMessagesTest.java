package kr.smartsenior.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class UpdateMessagesTest {

    private final ProtocolCodec codec = new ProtocolCodec();
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-05T10:00:00+09:00");

    private static UpdateCommand command(String version, String sha) {
        return new UpdateCommand(7, version, "https://ssc.example/updates/bundles/" + version + "/bundle",
                "https://ssc.example/updates/bundles/" + version + "/signature", sha, 1234, AT);
    }

    @Test
    void theUpdateTopicsArePerDeviceAndRetained() {
        assertThat(Topics.of("ydp-01", "kiosk-01", Channel.UPDATE)).isEqualTo("ssc/v1/ydp-01/kiosk-01/update");
        assertThat(Topics.parse("ssc/v1/ydp-01/kiosk-01/update-status"))
                .contains(new Topics.Address("ydp-01", "kiosk-01", Channel.UPDATE_STATUS));
        assertThat(Channel.UPDATE.retained()).isTrue();
        assertThat(Channel.UPDATE_STATUS.retained()).isTrue();
    }

    @Test
    void aCommandTravelsAndABadOneIsMalformed() {
        UpdateCommand good = command("2026.12.1", "a".repeat(64));
        assertThat(codec.decodeUpdateCommand(codec.encode(good))).isEqualTo(new Decoded.Ok<>(good));

        assertThat(codec.decodeUpdateCommand(codec.encode(command("../etc", "a".repeat(64)))))
                .isInstanceOf(Decoded.Malformed.class);
        assertThat(codec.decodeUpdateCommand(codec.encode(command("2026.12.1", "A".repeat(64)))))
                .isInstanceOf(Decoded.Malformed.class);
        assertThat(codec.decodeUpdateCommand("{\"campaignId\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Decoded.Malformed.class);
        assertThat(codec.decodeUpdateCommand(new byte[0])).isInstanceOf(Decoded.Malformed.class);
    }

    @Test
    void aReportTravelsWithItsProblemAndAnUnknownStepIsMalformed() {
        UpdateReport report = new UpdateReport(7, "2026.12.0", UpdateStep.ROLLED_BACK, UpdateProblem.DID_NOT_STAY_UP,
                "the kiosk did not stay up", "2026.11.0", AT);
        assertThat(codec.decodeUpdateReport(codec.encode(report))).isEqualTo(new Decoded.Ok<>(report));
        assertThat(new String(codec.encode(new UpdateReport(7, "1.0", UpdateStep.RECEIVED, null, null, "0.9", AT)),
                StandardCharsets.UTF_8)).doesNotContain("problem").doesNotContain("detail");

        assertThat(codec.decodeUpdateReport("""
                {"campaignId":7,"version":"1.0","step":"EXPLODED"}""".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Decoded.Malformed.class);
        assertThat(codec.decodeUpdateReport("""
                {"campaignId":0,"version":"1.0","step":"HEALTHY"}""".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Decoded.Malformed.class);
    }

    @Test
    void stepsSayWhenAnUpdateIsOver() {
        assertThat(UpdateStep.HEALTHY.finished()).isTrue();
        assertThat(UpdateStep.ROLLED_BACK.failed()).isTrue();
        assertThat(UpdateStep.INSTALLING.finished()).isFalse();
        assertThat(new UpdateReport(1, "1", UpdateStep.FAILED, null, "x".repeat(400), null, AT).detail())
                .hasSize(UpdateReport.MAX_DETAIL);
    }
}
