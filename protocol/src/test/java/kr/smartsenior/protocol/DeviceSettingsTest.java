package kr.smartsenior.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceSettingsTest {

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void aConfigOfKnownSettingsInRangeIsUsable() {
        assertThat(DeviceSettings.problem(new DeviceConfig(3, Map.of("volume", 80, "textScale", 1.5,
                "language", "ko", "idleTimeoutSeconds", 60, "uploadsPaused", false)))).isEmpty();
        assertThat(DeviceSettings.problem(new DeviceConfig(1, Map.of()))).isEmpty();
    }

    @Test
    void everyKindOfMistakeIsNamed() {
        assertThat(DeviceSettings.problem(new DeviceConfig(0, Map.of()))).contains("version must be 1 or more, not 0");
        assertThat(DeviceSettings.problem(new DeviceConfig(2, Map.of("volumne", 80))))
                .contains("unknown setting 'volumne'");
        assertThat(DeviceSettings.problem(new DeviceConfig(2, Map.of("volume", 180)))).contains("volume: 180 outside 0..100");
        assertThat(DeviceSettings.problem(new DeviceConfig(2, Map.of("volume", 50.5)))).contains("volume: must be a whole number");
        assertThat(DeviceSettings.problem(new DeviceConfig(2, Map.of("volume", "loud")))).contains("volume: must be a number");
        assertThat(DeviceSettings.problem(new DeviceConfig(2, Map.of("language", "fr"))))
                .contains("language: must be one of [ko]");
        assertThat(DeviceSettings.problem(new DeviceConfig(2, Map.of("language", "en")))) // decision 0042: no English screens yet
                .contains("language: the kiosk has no English screens or voice; must be one of [ko]");
        assertThat(DeviceSettings.problem(new DeviceConfig(2, Map.of("uploadsPaused", "yes"))))
                .contains("uploadsPaused: must be true or false");
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("volume", null);
        assertThat(DeviceSettings.problem(new DeviceConfig(2, withNull))).contains("volume: must not be null");
        assertThat(DeviceSettings.problem(new DeviceConfig(2, Map.of("textScale", 2.0)))).isEmpty();
    }

    @Test
    void configsDecodedFromTheWireAreCheckedTheSameWay() {
        DeviceConfig config = ((Decoded.Ok<DeviceConfig>) codec.decodeConfig(
                "{\"version\":4,\"settings\":{\"volume\":70,\"textScale\":1.25}}".getBytes(StandardCharsets.UTF_8))).value();
        assertThat(DeviceSettings.problem(config)).isEmpty();
        DeviceConfig big = ((Decoded.Ok<DeviceConfig>) codec.decodeConfig(
                "{\"version\":4,\"settings\":{\"volume\":1e400}}".getBytes(StandardCharsets.UTF_8))).value();
        assertThat(DeviceSettings.problem(big)).get().asString().startsWith("volume: ");
    }

    @Test
    void newStatusFieldsRoundTripAndStayOutOfTheJsonWhenUnknown() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-21T10:15:00+09:00");
        DeviceStatus full = new DeviceStatus(DeviceStatus.ONLINE, "0.2.0", 4, Map.of("stepMat", "ok"), at, at.minusMinutes(1),
                12_000_000_000L, 51.5, 7L, new DeviceStatus.ConfigRefusal(8, "volume: 180 outside 0..100"));
        assertThat(((Decoded.Ok<DeviceStatus>) codec.decodeStatus(codec.encode(full))).value()).isEqualTo(full);

        String old = new String(codec.encode(new DeviceStatus(DeviceStatus.OFFLINE, "0.1.0", 0, Map.of(), at)),
                StandardCharsets.UTF_8);
        assertThat(old).doesNotContain("lastSyncAt", "diskFreeBytes", "temperatureC", "configVersion", "configRefused");
        DeviceStatus fromOldKiosk = ((Decoded.Ok<DeviceStatus>) codec.decodeStatus(
                "{\"state\":\"online\",\"version\":\"0.1.0\",\"outbox\":3,\"sensors\":{},\"at\":\"2026-11-21T10:15:00+09:00\"}"
                        .getBytes(StandardCharsets.UTF_8))).value();
        assertThat(fromOldKiosk.configVersion()).isNull();
        assertThat(fromOldKiosk.outbox()).isEqualTo(3);
    }
}
