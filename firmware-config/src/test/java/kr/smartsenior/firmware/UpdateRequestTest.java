package kr.smartsenior.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request a kiosk leaves for its update (decision 0040): the root-owned path unit runs
 * ssc-update-request.sh, which runs ssc-update.sh on the kiosk's bundle and leaves the result for the kiosk.
 */
class UpdateRequestTest {

    @TempDir
    Path work;

    private ScriptRunner runner;
    private Path root;
    private Path dir;
    private Path request;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        ScriptRunner.requireTools("bash", "openssl", "tar");
        runner = new ScriptRunner(work);
        root = work.resolve("root");
        dir = work.resolve("var-lib-smartsenior/update");
        Files.createDirectories(root.resolve("etc/smartsenior"));
        Files.createDirectories(dir);
        Files.writeString(root.resolve("etc/smartsenior/kiosk-unit"), "smartsenior-kiosk-sim.service\n");
        run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", work.resolve("key.pem").toString());
        run("openssl", "pkey", "-in", work.resolve("key.pem").toString(), "-pubout", "-out",
                root.resolve("etc/smartsenior/update-key.pub").toString());
        runner.script("update/ssc-update.sh");
        runner.script("kiosk-session/kiosk-session.sh");
        request = runner.script("update/ssc-update-request.sh");
        env = Map.of("SSC_ROOT", root.toString(), "SSC_UPDATE_SETTLE_S", "0");
    }

    private void run(String... command) throws Exception {
        ScriptRunner.Result result = runner.run(Map.of(), command);
        assertThat(result.exit()).as(String.join(" ", command) + ": " + result.output()).isZero();
    }

    /** What the kiosk does: the bundle and its signature in its update directory, then the request. */
    private void ask(String version) throws Exception {
        Path kiosk = work.resolve("build-" + version);
        Files.createDirectories(kiosk.resolve("lib"));
        Files.writeString(kiosk.resolve("smartsenior-kiosk.jar"), "jar " + version);
        ScriptRunner.Result built = runner.run(Map.of(), runner.script("update/build-update-bundle.sh").toString(), version,
                kiosk.toString(), work.resolve("key.pem").toString(), work.resolve("out").toString());
        assertThat(built.exit()).as(built.output()).isZero();
        Files.copy(work.resolve("out/smartsenior-kiosk-" + version + ".tar.gz"), dir.resolve("bundle.tar.gz"));
        Files.copy(work.resolve("out/smartsenior-kiosk-" + version + ".tar.gz.sig"), dir.resolve("bundle.tar.gz.sig"));
        Files.writeString(dir.resolve("request"), version + "\n");
    }

    private ScriptRunner.Result carryOut() throws Exception {
        return runner.run(env, request.toString(), dir.toString());
    }

    @Test
    void aGoodReleaseIsInstalledAndTheResultLeftForTheKiosk() throws Exception {
        ask("0.2.0");
        assertThat(carryOut().exit()).isZero();

        assertThat(Files.readString(dir.resolve("result")).strip()).isEqualTo("0");
        assertThat(Files.readString(dir.resolve("result.log"))).contains("0.2.0 is running");
        assertThat(dir.resolve("request")).doesNotExist();
        assertThat(dir.resolve("bundle.tar.gz")).doesNotExist();
        assertThat(runner.systemctlCalls()).contains("restart smartsenior-kiosk-sim.service");
    }

    @Test
    void aReleaseThatDoesNotStayUpIsRolledBackAndSaysSo() throws Exception {
        ask("0.2.0");
        carryOut();
        runner.kioskFails(true);
        ask("0.3.0");

        assertThat(carryOut().exit()).isZero();

        assertThat(Files.readString(dir.resolve("result")).strip()).isEqualTo("1");
        assertThat(Files.readString(dir.resolve("result.log"))).contains("rolled back to 0.2.0");
    }

    @Test
    void aBundleUnderAnotherSignatureIsRefusedAndNothingChanges() throws Exception {
        ask("0.2.0");
        Files.write(dir.resolve("bundle.tar.gz.sig"), "forged".getBytes(StandardCharsets.UTF_8));

        carryOut();

        assertThat(Files.readString(dir.resolve("result")).strip()).isEqualTo("1");
        assertThat(Files.readString(dir.resolve("result.log"))).contains("REFUSED: the signature");
        assertThat(root.resolve("opt/smartsenior/kiosk")).doesNotExist();
    }

    @Test
    void whatTheKiosksUserLinkedAsTheRequestIsNeverReadIntoTheResult() throws Exception {
        ask("0.2.0");
        Path secret = work.resolve("root-only-secret");
        Files.writeString(secret, "s3cretHashOfRoot\n");
        Files.delete(dir.resolve("request"));
        Files.createSymbolicLink(dir.resolve("request"), secret);

        carryOut();

        assertThat(Files.readString(dir.resolve("result")) + Files.readString(dir.resolve("result.log")))
                .doesNotContain("s3cretHashOfRoot");
        assertThat(secret).hasContent("s3cretHashOfRoot");
    }

    @Test
    void withoutARequestNothingHappens() throws Exception {
        assertThat(carryOut().exit()).isZero();
        assertThat(dir.resolve("result")).doesNotExist();
        assertThat(runner.systemctlCalls()).isEmpty();
    }

    @Test
    void thePathUnitWatchesTheKiosksOwnDataDirectoryAndTheServiceRunsTheRequestScript() throws IOException {
        String path = resource("update/smartsenior-update.path");
        String service = resource("update/smartsenior-update.service");
        String kiosk = resource("systemd/smartsenior-kiosk-sim.service");
        assertThat(path).contains("PathExists=/var/lib/smartsenior/update/request", "Unit=smartsenior-update.service");
        assertThat(kiosk).contains("ReadWritePaths=/var/lib/smartsenior").contains("NoNewPrivileges=true");
        assertThat(service).contains("ExecStart=/opt/smartsenior/bin/ssc-update-request.sh /var/lib/smartsenior/update")
                .contains("Type=oneshot").doesNotContain("User=");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = UpdateRequestTest.class.getResourceAsStream("/firmware/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
