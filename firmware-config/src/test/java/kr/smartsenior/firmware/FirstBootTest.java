package kr.smartsenior.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
                "restart smartsenior-kiosk-screen.service").doesNotContain("enable smartsenior-kiosk-sim.service");
        // the other kiosk unit (they conflict) is disabled before the chosen one is enabled
        assertThat(runner.systemctlCalls()).containsSubsequence("disable smartsenior-kiosk-sim.service",
                "enable smartsenior-kiosk-screen.service");
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
        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString(), "SSC_KIOSK_UNIT", "smartsenior-kiosk-sim.service"),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(runner.systemctlCalls()).containsSubsequence("disable smartsenior-kiosk-screen.service",
                "enable smartsenior-kiosk-sim.service", "restart smartsenior-kiosk-sim.service");

        ScriptRunner.Result refused = runner.run(Map.of("SSC_ROOT", root.toString(), "SSC_KIOSK_UNIT", "ssh.service"),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output()).contains("SSC_KIOSK_UNIT must be");
    }

    @Test
    void theUnitTheImageRecordedIsTheOneEnabledAndItsPackagesAreInstalledFirst() throws Exception {
        Files.writeString(root.resolve("boot/firmware/smartsenior-bundle.json"), BUNDLE);
        Files.createDirectories(root.resolve("etc/smartsenior"));
        Files.writeString(root.resolve("etc/smartsenior/kiosk-unit"), "smartsenior-kiosk-sim.service\n");
        Files.createDirectories(root.resolve("opt/smartsenior"));
        Files.writeString(root.resolve("opt/smartsenior/packages.txt"), "# what the screen needs\ncage\nxwayland\nfonts-nanum\n");
        Path apt = work.resolve("fake-apt-get");
        Files.writeString(apt, "#!/bin/sh\necho \"$*\" >> \"" + work.resolve("apt.log") + "\"\n");
        Files.setPosixFilePermissions(apt, PosixFilePermissions.fromString("rwxr-xr-x"));

        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString(), "APT_GET", apt.toString()),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readString(work.resolve("apt.log"))).contains("update", "install -y -q --no-install-recommends cage xwayland fonts-nanum");
        assertThat(root.resolve("etc/smartsenior/packages-installed")).exists();
        assertThat(runner.systemctlCalls()).contains("enable smartsenior-kiosk-sim.service").doesNotContain("enable smartsenior-kiosk-screen.service");
        assertThat(Files.readString(root.resolve("etc/smartsenior/kiosk-unit")).strip()).isEqualTo("smartsenior-kiosk-sim.service");
    }

    @Test
    void withoutTheNetworkForItsPackagesFirstBootStopsBeforeTouchingTheBundle() throws Exception {
        Path bundle = root.resolve("boot/firmware/smartsenior-bundle.json");
        Files.writeString(bundle, BUNDLE);
        Files.createDirectories(root.resolve("opt/smartsenior"));
        Files.writeString(root.resolve("opt/smartsenior/packages.txt"), "cage\n");

        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString(), "APT_GET", "false",
                "SSC_PACKAGES_MAX_TRIES", "2", "SSC_PACKAGES_RETRY_S", "0"), runner.script("provisioning/smartsenior-firstboot.sh").toString());

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.output()).contains("could not install the kiosk's packages after 2 tries");
        assertThat(bundle).as("kept for the next boot").exists();
        assertThat(root.resolve("etc/smartsenior/kiosk.env")).doesNotExist();
        assertThat(runner.systemctlCalls()).isEmpty();
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
    void reProvisioningKeepsHandSetHardwareSettingsAndReplacesTheManagedOnes() throws Exception {
        Path envFile = root.resolve("etc/smartsenior/kiosk.env");
        Files.createDirectories(envFile.getParent());
        Files.writeString(envFile, """
                # Written by smartsenior-firstboot from the device's bundle. Holds the device's broker password.
                SSC_SITE_ID=old-site
                SSC_DEVICE_ID=kiosk-old
                SSC_MQTT_PASSWORD=OldPassword
                SSC_MQTT_CA_FILE=/etc/smartsenior/ca.crt
                # this center's camera is on the second port
                SSC_CAMERA=/dev/video2
                SSC_SCANNER=serial:/dev/ttyUSB0
                SSC_KIOSK_ARGS=--volume=80
                SSC_PIN_MAP=/etc/smartsenior/pinmap-local.properties
                """);
        Files.writeString(root.resolve("boot/firmware/smartsenior-bundle.json"), BUNDLE);

        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString()),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());

        assertThat(result.exit()).as(result.output()).isZero();
        String written = Files.readString(envFile);
        Properties env = new Properties();
        env.load(new StringReader(written));
        assertThat(env).containsEntry("SSC_SITE_ID", "ydp-01").containsEntry("SSC_DEVICE_ID", "kiosk-7f3k9q")
                .containsEntry("SSC_MQTT_PASSWORD", "Abc123defGHJ456kmn789pqr")
                .containsEntry("SSC_CAMERA", "/dev/video2").containsEntry("SSC_SCANNER", "serial:/dev/ttyUSB0")
                .containsEntry("SSC_KIOSK_ARGS", "--volume=80")
                .containsEntry("SSC_PIN_MAP", "/etc/smartsenior/pinmap-local.properties");
        assertThat(written).contains("# this center's camera is on the second port").doesNotContain("OldPassword", "old-site");
        for (String key : List.of("SSC_SITE_ID", "SSC_MQTT_PASSWORD", "SSC_MQTT_CA_FILE", "SSC_CAMERA")) {
            assertThat(written.lines().filter(line -> line.startsWith(key + "="))).as(key + " once").hasSize(1);
        }
        assertThat(written.lines().filter(line -> line.startsWith("# Written by smartsenior-firstboot"))).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-r-----");
    }

    @Test
    void enrollmentRefusesAPlainHttpServerUnlessTheTestOverrideIsSet() throws Exception {
        Files.writeString(root.resolve("boot/firmware/smartsenior-server.txt"), "http://ssc.district.example\n");

        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString(), "SSC_SCREEN", work.resolve("screen").toString()),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());

        assertThat(result.exit()).as(result.output()).isEqualTo(5);
        assertThat(result.output()).contains("refusing to enroll over http://ssc.district.example", "use https://");
        assertThat(work.resolve("screen")).as("no code asked for").doesNotExist();
        assertThat(root.resolve("etc/smartsenior/kiosk.env")).doesNotExist();
        assertThat(runner.systemctlCalls()).isEmpty();
    }

    @Test
    void whenTheServerCannotBeReachedTheLogSaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ScriptRunner.Result result = runner.run(Map.of("SSC_ROOT", root.toString(), "SSC_SCREEN", work.resolve("screen").toString(),
                        "SSC_ENROLL_URL", "https://127.0.0.1:" + closedPort, "SSC_ENROLL_POLL_S", "0.2", "SSC_ENROLL_MAX_WAIT_S", "1"),
                runner.script("provisioning/smartsenior-firstboot.sh").toString());

        assertThat(result.exit()).as(result.output()).isEqualTo(4);
        assertThat(result.output()).contains("cannot reach the server (URLError:").containsIgnoringCase("connection refused");
    }

    /**
     * Against a stand-in for the server's enrollment API (plain HTTP through the test-only override): a
     * code the server dropped (404) makes the kiosk ask for a new one, the code is drawn again before
     * every poll (boot messages may have covered it) in large letters, and the bundle is installed.
     */
    @Test
    void enrollsByCodeRedrawsTheCodeAtEveryPollAndAsksForANewCodeWhenItsCodeWasDropped() throws Exception {
        Path screen = work.resolve("screen");
        AtomicInteger started = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        List<String> seenOnScreen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/enrollments", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/enrollments")) {
                String code = started.incrementAndGet() == 1 ? "AAA-222" : "BBB-333";
                answer(exchange, 201, "{\"code\":\"" + code + "\",\"token\":\"t" + started.get() + "\",\"pollAfterSeconds\":5}");
            } else if (path.equals("/api/enrollments/AAA-222/bundle")) {
                // the server dropped this code (full of open codes, or expired)
                answer(exchange, 404, "{\"state\":\"unknown\",\"detail\":\"no enrollment with this code and token\"}");
            } else if (path.equals("/api/enrollments/BBB-333/bundle") && "t2".equals(exchange.getRequestHeaders().getFirst("X-Enrollment-Token"))) {
                int poll = polls.incrementAndGet();
                seenOnScreen.add(Files.exists(screen) ? Files.readString(screen) : "");
                Files.deleteIfExists(screen);   // something else wrote over tty1
                if (poll < 3) {
                    answer(exchange, 202, "{\"state\":\"waiting\"}");
                } else {
                    answer(exchange, 200, "{\"bundle\":" + BUNDLE + "}");
                }
            } else {
                answer(exchange, 404, "{}");
            }
        });
        server.start();
        try {
            Map<String, String> env = new HashMap<>(Map.of("SSC_ROOT", root.toString(), "SSC_SCREEN", screen.toString(),
                    "SSC_ENROLL_URL", "http://127.0.0.1:" + server.getAddress().getPort(), "SSC_ENROLL_ALLOW_HTTP", "1",
                    "SSC_ENROLL_POLL_S", "0.1", "SSC_ENROLL_MAX_WAIT_S", "30"));
            ScriptRunner.Result result = runner.run(env, runner.script("provisioning/smartsenior-firstboot.sh").toString());

            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output()).contains("enrollment AAA-222 ended", "asking for a new code", "tests only");
            assertThat(started).hasValue(2);
            assertThat(seenOnScreen).hasSize(3).allSatisfy(drawn -> assertThat(drawn).contains("ENROLLMENT CODE:   BBB-333")
                    .doesNotContain("AAA-222"));
            // the large letters: B B B - 3 3 3, five rows
            assertThat(seenOnScreen.getFirst()).contains("  ####  ####  ####        ####  ####  #### \n",
                    "  ####  ####  ####  #####  ###   ###   ### \n");
            assertThat(Files.readString(screen)).contains("ENROLLED as kiosk-7f3k9q");
            assertThat(root.resolve("etc/smartsenior/kiosk.env")).exists();
            assertThat(root.resolve("var/lib/smartsenior/enrolled-bundle.json")).doesNotExist();
        } finally {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void theUnitsRunTheStepOnceBeforeTheKioskAndTheWatchdogIsOn() throws Exception {
        String unit = new String(FirstBootTest.class.getResourceAsStream("/firmware/systemd/smartsenior-firstboot.service")
                .readAllBytes());
        assertThat(unit).contains("ConditionPathExists=!/etc/smartsenior/provisioned", "Before=smartsenior-kiosk-sim.service smartsenior-kiosk-screen.service",
                "Type=simple");
        // waiting for the code must not hold up boot, nor print over the code on the console (tty1)
        assertThat(unit).doesNotContain("Type=oneshot", "TimeoutStartSec=infinity", "journal+console");
        for (String kiosk : List.of("/firmware/systemd/smartsenior-kiosk-sim.service", "/firmware/kiosk-session/smartsenior-kiosk-screen.service")) {
            assertThat(new String(FirstBootTest.class.getResourceAsStream(kiosk).readAllBytes()))
                    .as(kiosk + " starts only on a provisioned device").contains("ConditionPathExists=/etc/smartsenior/provisioned");
        }
        String watchdog = new String(FirstBootTest.class.getResourceAsStream(
                "/firmware/systemd/system.conf.d/smartsenior-watchdog.conf").readAllBytes());
        assertThat(watchdog).contains("[Manager]", "RuntimeWatchdogSec=15");
        String fstab = new String(FirstBootTest.class.getResourceAsStream("/firmware/storage/fstab.smartsenior").readAllBytes());
        assertThat(fstab).contains("LABEL=SSC-DATA  /var/lib/smartsenior  ext4");
    }
}
