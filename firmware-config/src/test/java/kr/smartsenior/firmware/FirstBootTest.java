package kr.smartsenior.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import kr.smartsenior.protocol.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-boot step installs a bundle as the server makes it, and refuses a bad one without touching anything. */
class FirstBootTest {

    /** The shape of the server's ConfigBundle (POST /api/sites/{site}/devices → bundle). */
    private static final String BUNDLE = """
            {"format":1,"siteId":"ydp-01","deviceId":"kiosk-7f3k9q",
             "mqtt":{"url":"ssl://mqtt.district.example:8883","username":"kiosk-7f3k9q","password":"Abc123defGHJ456kmn789pqr",
                     "caCertificate":"/etc/smartsenior/ca.crt","caCertificatePem":"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"},
             "pinMapRevision":"rev-a","config":{"version":4,"settings":{"volume":70}},"issuedAt":"2026-11-21T01:00:00Z"}
            """;

    @TempDir
    Path work;

    private Path root;
    private ScriptRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        ScriptRunner.requireTools("bash", "python3");
        root = work.resolve("root");
        Files.createDirectories(root.resolve("boot/firmware"));
        runner = new ScriptRunner(work);
    }

    @Test
    void installsTheBundleEnablesTheKioskAndRemovesThePassword() throws Exception {
        Path bundle = root.resolve("boot/firmware/smartsenior-bundle.json");
        Files.writeString(bundle, BUNDLE);

        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString()),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());

        assertThat(result.exit()).as(result.output()).isZero();
        Path envFile = root.resolve("etc/smartsenior/kiosk.env");
        Properties env = new Properties();
        env.load(new StringReader(Files.readString(envFile)));
        assertThat(env).containsEntry("SSC_SITE_ID", "ydp-01").containsEntry("SSC_DEVICE_ID", "kiosk-7f3k9q")
                .containsEntry("SSC_MQTT_URL", "ssl://mqtt.district.example:8883")
                .containsEntry("SSC_MQTT_USER", "kiosk-7f3k9q").containsEntry("SSC_MQTT_PASSWORD", "Abc123defGHJ456kmn789pqr")
                .containsEntry("SSC_DATA_DIR", "/var/lib/smartsenior").containsEntry("SSC_PIN_MAP_REVISION", "rev-a")
                .containsEntry("SSC_MQTT_CA_FILE", "/etc/smartsenior/ca.crt");
        assertThat(Topics.isValidId(env.getProperty("SSC_DEVICE_ID"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-r-----");
        assertThat(Files.readString(root.resolve("etc/smartsenior/ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----\nMIIB");
        assertThat(Files.readString(root.resolve("var/lib/smartsenior/remote-config.json")))
                .isEqualTo("{\"version\": 4, \"settings\": {\"volume\": 70}}");
        assertThat(bundle).doesNotExist();
        assertThat(root.resolve("etc/smartsenior/provisioned")).exists();
        assertThat(runner.systemctlCalls()).contains("enable smartsenior-kiosk-screen.service",
                "restart smartsenior-kiosk-screen.service").doesNotContain("enable smartsenior-kiosk.service");
        assertThat(Files.readString(root.resolve("etc/smartsenior/kiosk-unit")).strip())
                .isEqualTo("smartsenior-kiosk-screen.service");
        // the revision written for the kiosk is one whose pin map the kiosk ships
        Properties pinMap = new Properties();
        pinMap.load(FirstBootTest.class.getResourceAsStream("/firmware/pinmap.properties"));
        assertThat(env.getProperty("SSC_PIN_MAP_REVISION")).isEqualTo(pinMap.getProperty("hardware.revision"));
    }

    @Test
    void aSoakTestPiGetsTheHeadlessSimulationOnlyWhenAskedAndNoOtherUnit() throws Exception {
        Files.writeString(root.resolve("boot/firmware/smartsenior-bundle.json"), BUNDLE);
        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString(), "SSC_KIOSK_UNIT", "smartsenior-kiosk.service"),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(runner.systemctlCalls()).contains("enable smartsenior-kiosk.service", "restart smartsenior-kiosk.service");

        ScriptRunner.Result refused = runner.run(Map.of("SSC_ROOT", root.toString(), "SSC_KIOSK_UNIT", "ssh.service"),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output()).contains("SSC_KIOSK_UNIT must be");
    }

    @Test
    void aBadBundleIsRefusedAndNothingChanges() throws Exception {
        Path bundle = root.resolve("boot/firmware/smartsenior-bundle.json");
        Files.writeString(bundle, BUNDLE.replace("\"siteId\":\"ydp-01\"", "\"siteId\":\"YDP 01; rm -rf /\""));

        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString()),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("bundle refused: siteId must be");
        assertThat(root.resolve("etc/smartsenior/kiosk.env")).doesNotExist();
        assertThat(bundle).as("kept for a person to look at").exists();
        assertThat(runner.systemctlCalls()).isEmpty();
    }

    @Test
    void withoutABundleItSaysSoAndStops() throws Exception {
        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString()),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.output()).contains("no smartsenior-bundle.json");
    }

    @Test
    void theUnitsRunTheStepOnceBeforeTheKioskAndTheWatchdogIsOn() throws Exception {
        String unit = new String(FirstBootTest.class.getResourceAsStream("/firmware/systemd/smartsenior-firstboot.service")
                .readAllBytes());
        assertThat(unit).contains("ConditionPathExists=!/etc/smartsenior/provisioned", "Before=smartsenior-kiosk.service smartsenior-kiosk-screen.service",
                "Type=oneshot");
        String watchdog = new String(FirstBootTest.class.getResourceAsStream(
                "/firmware/systemd/system.conf.d/smartsenior-watchdog.conf").readAllBytes());
        assertThat(watchdog).contains("[Manager]", "RuntimeWatchdogSec=15");
        String fstab = new String(FirstBootTest.class.getResourceAsStream("/firmware/storage/fstab.smartsenior").readAllBytes());
        assertThat(fstab).contains("LABEL=SSC-DATA  /var/lib/smartsenior  ext4");
    }
}
