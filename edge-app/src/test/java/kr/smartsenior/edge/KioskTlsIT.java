package kr.smartsenior.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's TLS to the broker against a real Mosquitto of the test's own, with a district CA and
 * server certificates made by {@code openssl} here: a kiosk trusting the district CA connects; one
 * trusting another CA is refused with a clear log line; a certificate of the right CA for another
 * host name is refused too (host name verification is on). Skips without {@code mosquitto} or
 * {@code openssl} unless {@code SSC_REQUIRE_SERVICES=1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KioskTlsIT {

    private Path dir;
    private Process mosquitto;
    private int rightHost;
    private int wrongHost;
    private final List<Kiosk> kiosks = new ArrayList<>();
    private ListAppender<ILoggingEvent> logged;

    @BeforeAll
    void startBroker() throws Exception {
        Path binary = Path.of("/usr/sbin/mosquitto");
        if (!Files.isExecutable(binary)) {
            binary = Path.of("/usr/bin/mosquitto");
        }
        require(Files.isExecutable(binary), "no mosquitto binary");
        require(Files.isExecutable(Path.of("/usr/bin/openssl")), "no openssl");
        dir = Files.createTempDirectory("ssc-tls-");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=Test District CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.crt", "-days",
                "2", "-subj", "/CN=Some Other CA", "-addext", "basicConstraints=critical,CA:TRUE");
        serverCertificate("broker", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        serverCertificate("elsewhere", "subjectAltName=DNS:broker.elsewhere.example");
        rightHost = freePort();
        wrongHost = freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "user " + System.getProperty("user.name"),
                "allow_anonymous true",
                "persistence false",
                "listener " + rightHost + " 127.0.0.1",
                "cafile " + dir.resolve("ca.crt"),
                "certfile " + dir.resolve("broker.crt"),
                "keyfile " + dir.resolve("broker.key"),
                "listener " + wrongHost + " 127.0.0.1",
                "cafile " + dir.resolve("ca.crt"),
                "certfile " + dir.resolve("elsewhere.crt"),
                "keyfile " + dir.resolve("elsewhere.key"),
                ""));
        mosquitto = new ProcessBuilder(binary.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        await("mosquitto listening").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> accepts(rightHost) && accepts(wrongHost));
    }

    @AfterAll
    void stopBroker() throws Exception {
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void captureTheLinkLog() {
        logged = new ListAppender<>();
        logged.start();
        linkLogger().addAppender(logged);
    }

    @AfterEach
    void closeKiosks() {
        kiosks.forEach(Kiosk::close);
        kiosks.clear();
        linkLogger().detachAppender(logged);
    }

    @Test
    void aKioskTrustingTheDistrictCaConnects(@TempDir Path data) {
        Kiosk kiosk = start("ssl://127.0.0.1:" + rightHost, dir.resolve("ca.crt"), data);

        await().atMost(Duration.ofSeconds(30)).until(kiosk::connected);
        assertThat(messages(Level.INFO)).anyMatch(m -> m.contains("trusts only the CA in") && m.contains("Test District CA"));
    }

    @Test
    void aKioskTrustingAnotherCaIsRefusedWithAClearLogLine(@TempDir Path data) {
        Kiosk kiosk = start("ssl://127.0.0.1:" + rightHost, dir.resolve("other-ca.crt"), data);

        String refusal = await().atMost(Duration.ofSeconds(30))
                .until(() -> messages(Level.ERROR).stream().filter(m -> m.contains("refused the broker")).findFirst(),
                        java.util.Optional::isPresent).get();
        assertThat(refusal).contains("ssl://127.0.0.1:" + rightHost, "not signed by the CA this kiosk trusts",
                dir.resolve("other-ca.crt").toString());
        assertThat(kiosk.connected()).isFalse();
    }

    @Test
    void aCertificateOfTheRightCaForAnotherHostIsRefused(@TempDir Path data) {
        Kiosk kiosk = start("ssl://127.0.0.1:" + wrongHost, dir.resolve("ca.crt"), data);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages(Level.ERROR).stream().anyMatch(m -> m.contains("refused the broker")));
        assertThat(kiosk.connected()).isFalse();
    }

    @Test
    void aMissingCaFileIsAClearErrorAtStart(@TempDir Path data) {
        assertThatThrownBy(() -> start("ssl://127.0.0.1:" + rightHost, dir.resolve("no-such-ca.crt"), data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the broker's CA certificate").hasMessageContaining("SSC_MQTT_CA_FILE");
    }

    private Kiosk start(String url, Path caFile, Path data) {
        KioskSettings settings = KioskSettings.of("tls-01", "kiosk-01", url, data)
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)).withCaFile(caFile);
        Kiosk kiosk = Kiosk.start(settings);
        kiosks.add(kiosk);
        return kiosk;
    }

    private List<String> messages(Level level) {
        return logged.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Logger linkLogger() {
        return (Logger) LoggerFactory.getLogger("kr.smartsenior.edge.sync.PahoBrokerLink");
    }

    private void serverCertificate(String name, String altNames) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), altNames + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                name + ".crt", "-days", "2", "-extfile", name + ".ext");
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as("openssl " + command + ": " + output)
                .isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static boolean accepts(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
    }

    private static void require(boolean present, String problem) {
        if (!present) {
            if ("1".equals(System.getenv("SSC_REQUIRE_SERVICES"))) {
                Assertions.fail(problem + " (SSC_REQUIRE_SERVICES=1)");
            }
            Assumptions.abort(problem + ": TLS tests skipped");
        }
    }
}
