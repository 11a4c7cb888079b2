package kr.smartsenior.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.DeviceConfig;
import kr.smartsenior.protocol.DeviceSettings;
import kr.smartsenior.protocol.DeviceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteConfigTest {

    @TempDir
    Path dataDir;

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aValidNewerConfigIsAppliedSavedAndAnnounced() {
        RemoteConfig config = RemoteConfig.open(dataDir);
        List<DeviceConfig> heard = new ArrayList<>();
        config.onApplied(heard::add);

        assertThat(config.offer(json("{\"version\":3,\"settings\":{\"volume\":70}}"))).isEqualTo(RemoteConfig.Outcome.APPLIED);

        assertThat(config.current()).contains(new DeviceConfig(3, Map.of("volume", 70)));
        assertThat(config.setting(DeviceSettings.VOLUME)).contains(70);
        assertThat(heard).hasSize(1);
        assertThat(config.refused()).isNull();
        assertThat(RemoteConfig.open(dataDir).current()).contains(new DeviceConfig(3, Map.of("volume", 70)));
        assertThat(config.offer(json("{\"version\":3,\"settings\":{\"volume\":70}}"))).isEqualTo(RemoteConfig.Outcome.UNCHANGED);
        assertThat(heard).hasSize(1);
    }

    @Test
    void aBadConfigIsRefusedWithItsReasonAndTheOldOneKept() {
        RemoteConfig config = RemoteConfig.open(dataDir);
        config.offer(json("{\"version\":3,\"settings\":{\"volume\":70}}"));

        assertThat(config.offer(json("{\"version\":4,\"settings\":{\"volume\":500}}"))).isEqualTo(RemoteConfig.Outcome.REFUSED);
        assertThat(config.refused()).isEqualTo(new DeviceStatus.ConfigRefusal(4, "volume: 500 outside 0..100"));
        assertThat(config.current().orElseThrow().version()).isEqualTo(3);

        config.offer(json("{\"version\":5,\"settings\":{\"brightness\":3}}"));
        assertThat(config.refused()).isEqualTo(new DeviceStatus.ConfigRefusal(5, "unknown setting 'brightness'"));

        config.offer(json("not json at all"));
        assertThat(config.refused().version()).isZero();
        assertThat(config.refused().reason()).startsWith("unreadable configuration: not JSON");

        config.offer(json("{\"version\":2,\"settings\":{}}"));
        assertThat(config.refused()).isEqualTo(new DeviceStatus.ConfigRefusal(2, "older than the running version 3"));

        assertThat(RemoteConfig.open(dataDir).current().orElseThrow().version()).isEqualTo(3);
        assertThat(config.offer(json("{\"version\":6,\"settings\":{\"uploadsPaused\":true}}")))
                .isEqualTo(RemoteConfig.Outcome.APPLIED);
        assertThat(config.refused()).as("a good config clears the refusal").isNull();
        assertThat(config.uploadsPaused()).isTrue();
    }

    @Test
    void aDamagedSavedFileIsIgnoredRatherThanStoppingTheKiosk() throws Exception {
        Files.writeString(dataDir.resolve(RemoteConfig.FILE), "{\"version\":3,\"sett");
        assertThat(RemoteConfig.open(dataDir).current()).isEmpty();
        Files.writeString(dataDir.resolve(RemoteConfig.FILE), "{\"version\":3,\"settings\":{\"volume\":900}}");
        assertThat(RemoteConfig.open(dataDir).current()).isEmpty();
    }

    @Test
    void theStatusCarriesTheRunningVersionTheRefusalAndTheHealth() throws Exception {
        RemoteConfig config = RemoteConfig.inMemory();
        config.offer(json("{\"version\":7,\"settings\":{}}"));
        config.offer(json("{\"version\":8,\"settings\":{\"language\":\"fr\"}}"));
        Path thermal = dataDir.resolve("temp");
        Files.writeString(thermal, "51234\n");
        DeviceHealth health = new DeviceHealth(dataDir, thermal);
        health.reportSensors(Map.of("stepMat", "ok", "distance", "not responding"));
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-21T01:00:00Z"),
                java.time.ZoneId.of("Asia/Seoul"));
        health.synced(clock.instant());

        DeviceStatus status = new StatusReport("0.2.0", () -> 4, health, config, clock).status(DeviceStatus.ONLINE);

        assertThat(status.configVersion()).isEqualTo(7);
        assertThat(status.configRefused().reason()).isEqualTo("language: must be one of [ko]");
        assertThat(status.temperatureC()).isEqualTo(51.2);
        assertThat(status.diskFreeBytes()).isPositive();
        assertThat(status.sensors()).containsEntry("distance", "not responding");
        assertThat(status.lastSyncAt()).isEqualTo("2026-11-21T10:00:00+09:00");
        assertThat(status.outbox()).isEqualTo(4);
        assertThat(new DeviceHealth(dataDir, dataDir.resolve("missing")).temperatureC()).isNull();
    }
}
