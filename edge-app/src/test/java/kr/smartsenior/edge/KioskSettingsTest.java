package kr.smartsenior.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KioskSettingsTest {

    @Test
    void anEmptyEnvironmentGivesTheDemoDefaults() {
        KioskSettings settings = KioskSettings.fromEnvironment(Map.of());

        assertThat(settings.siteId()).isEqualTo("demo-01");
        assertThat(settings.deviceId()).isEqualTo("kiosk-01");
        assertThat(settings.mqttUrl()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(settings.dataDir()).isEqualTo(Path.of("data", "kiosk"));
        assertThat(settings.batchSize()).isEqualTo(50);
        assertThat(settings.initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.statusInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.simulateMembers()).isEmpty();
        assertThat(settings.simulateEvery()).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void readsEveryVariable() {
        KioskSettings settings = KioskSettings.fromEnvironment(Map.of(
                "SSC_SITE_ID", "ydp-03",
                "SSC_DEVICE_ID", "kiosk-2",
                "SSC_MQTT_URL", "ssl://broker.example:8883",
                "SSC_DATA_DIR", "/var/lib/ssc",
                "SSC_SIM_MEMBERS", " A1, B2 ,,A1,m_07 ",
                "SSC_SIM_INTERVAL_MS", "500",
                "SSC_SYNC_BATCH_SIZE", "20",
                "SSC_RETRY_INITIAL_MS", "250",
                "SSC_RETRY_MAX_MS", "5000",
                "SSC_STATUS_INTERVAL_MS", "10000"));

        assertThat(settings).isEqualTo(new KioskSettings("ydp-03", "kiosk-2", "ssl://broker.example:8883",
                Path.of("/var/lib/ssc"), 20, Duration.ofMillis(250), Duration.ofMillis(5000), Duration.ofSeconds(10),
                List.of("A1", "B2", "m_07"), Duration.ofMillis(500)));
    }

    @Test
    void theBrokersCaFileComesFromTheEnvironmentAndReachesTheSyncSettings() {
        KioskSettings settings = KioskSettings.fromEnvironment(Map.of("SSC_MQTT_URL", "ssl://broker.example:8883",
                "SSC_MQTT_CA_FILE", " /etc/smartsenior/ca.crt "));

        assertThat(settings.mqttCaFile()).isEqualTo(Path.of("/etc/smartsenior/ca.crt"));
        assertThat(settings.syncSettings("1.0").mqttCaFile()).isEqualTo(Path.of("/etc/smartsenior/ca.crt"));
        assertThat(settings.withCredentials("kiosk-7", "pw").mqttCaFile()).as("kept by the other withers")
                .isEqualTo(Path.of("/etc/smartsenior/ca.crt"));
        assertThat(KioskSettings.fromEnvironment(Map.of()).mqttCaFile()).isNull();
    }

    @Test
    void blankValuesCountAsUnset() {
        KioskSettings settings = KioskSettings.fromEnvironment(Map.of("SSC_SITE_ID", "  ", "SSC_SYNC_BATCH_SIZE", ""));

        assertThat(settings.siteId()).isEqualTo("demo-01");
        assertThat(settings.batchSize()).isEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Demo-01", "demo 01", "-demo", "demo/01", "demo+", "#", "a234567890123456789012345678901234"})
    void refusesASiteIdThatCannotBeATopicLevel(String bad) {
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_SITE_ID", bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSC_SITE_ID")
                .hasMessageContaining("lower-case letters, digits and hyphens");
    }

    @Test
    void refusesABadDeviceIdNamingTheVariable() {
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_DEVICE_ID", "kiosk/#")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSC_DEVICE_ID")
                .hasMessageContaining("'kiosk/#'");
    }

    @Test
    void refusesTheDeviceIdReservedForTheSitesSharedTopics() {
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_DEVICE_ID", "all")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSC_DEVICE_ID")
                .hasMessageContaining("reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:1883", "http://broker:80", "tcp://", "not a url"})
    void refusesAnUnusableBrokerUrl(String bad) {
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_MQTT_URL", bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSC_MQTT_URL");
    }

    @Test
    void refusesNumbersThatAreNotNumbersOrOutOfRange() {
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_SYNC_BATCH_SIZE", "fifty")))
                .hasMessageContaining("SSC_SYNC_BATCH_SIZE").hasMessageContaining("whole number");
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_SYNC_BATCH_SIZE", "501")))
                .hasMessageContaining("SSC_SYNC_BATCH_SIZE").hasMessageContaining("1 to 500");
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_SIM_INTERVAL_MS", "0")))
                .hasMessageContaining("SSC_SIM_INTERVAL_MS");
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_RETRY_INITIAL_MS", "5000", "SSC_RETRY_MAX_MS", "100")))
                .hasMessageContaining("SSC_RETRY_MAX_MS");
    }

    @Test
    void refusesASimulatedMemberThatIsNotAMemberId() {
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_SIM_MEMBERS", "A1,홍길동")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSC_SIM_MEMBERS");
    }

    @Test
    void theConstructorChecksToo() {
        assertThatThrownBy(() -> KioskSettings.of("Bad Site", "kiosk-01", "tcp://127.0.0.1:1883", Path.of("x")))
                .hasMessageContaining("siteId");
        assertThatThrownBy(() -> KioskSettings.of("demo-01", "kiosk-01", "tcp://127.0.0.1:1883", Path.of("x"))
                .withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
    }

    @Test
    void syncSettingsCarryTheKiosksTunables() {
        KioskSettings settings = KioskSettings.of("demo-01", "kiosk-01", "tcp://127.0.0.1:1883", Path.of("x"))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

        var sync = settings.syncSettings("1.2.3");

        assertThat(sync.siteId()).isEqualTo("demo-01");
        assertThat(sync.softwareVersion()).isEqualTo("1.2.3");
        assertThat(sync.initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(sync.maxBatchesAwaitingAck()).isEqualTo(8);
    }

    @Test
    void theKiosksOwnBrokerAccountComesFromTheEnvironmentAndIsNeverPrinted() {
        KioskSettings settings = KioskSettings.fromEnvironment(Map.of("SSC_MQTT_USER", "kiosk-7f3k9q",
                "SSC_MQTT_PASSWORD", "s3cret-Passw0rd"));

        assertThat(settings.mqttUser()).isEqualTo("kiosk-7f3k9q");
        assertThat(settings.syncSettings("1.0").mqttPassword()).isEqualTo("s3cret-Passw0rd");
        assertThat(settings.toString()).contains("kiosk-7f3k9q").doesNotContain("s3cret");
        assertThat(settings.syncSettings("1.0").toString()).doesNotContain("s3cret");
        assertThat(KioskSettings.fromEnvironment(Map.of()).mqttUser()).isNull();
        assertThatThrownBy(() -> KioskSettings.fromEnvironment(Map.of("SSC_MQTT_PASSWORD", "x")))
                .hasMessageContaining("SSC_MQTT_USER");
    }
}
