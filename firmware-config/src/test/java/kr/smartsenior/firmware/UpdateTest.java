package kr.smartsenior.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed bundles, an atomic switch, and a rollback when the new version does not stay up. */
class UpdateTest {

    @TempDir
    Path work;

    private ScriptRunner runner;
    private Path root;
    private Path update;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        ScriptRunner.requireTools("bash", "openssl", "tar");
        runner = new ScriptRunner(work);
        root = work.resolve("root");
        Files.createDirectories(root.resolve("etc/smartsenior"));
        Path key = work.resolve("update-key.pem");
        run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString());
        run("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", root.resolve("etc/smartsenior/update-key.pub").toString());
        update = runner.script("update/ssc-update.sh");
        runner.script("kiosk-session/kiosk-session.sh"); // packed into each release beside the jar
        env = Map.of("SSC_ROOT", root.toString(), "SSC_UPDATE_SETTLE_S", "0");
        // written by the image command and by first boot: the unit updates restart
        Files.writeString(root.resolve("etc/smartsenior/kiosk-unit"), "smartsenior-kiosk-screen.service\n");
    }

    private void run(String... command) throws Exception {
        ScriptRunner.Result result = runner.run(Map.of(), command);
        assertThat(result.exit()).as(String.join(" ", command) + ": " + result.output()).isZero();
    }

    private Path bundle(String version) throws Exception {
        Path kiosk = work.resolve("build-" + version);
        Files.createDirectories(kiosk.resolve("lib"));
        Files.writeString(kiosk.resolve("smartsenior-kiosk.jar"), "jar " + version);
        Files.writeString(kiosk.resolve("lib/dependency.jar"), "lib");
        ScriptRunner.Result built = runner.run(Map.of(), runner.script("update/build-update-bundle.sh").toString(), version,
                kiosk.toString(), work.resolve("update-key.pem").toString(), work.resolve("out").toString());
        assertThat(built.exit()).as(built.output()).isZero();
        return work.resolve("out/smartsenior-kiosk-" + version + ".tar.gz");
    }

    private String running() throws Exception {
        return runner.run(env, update.toString(), "current").output().strip();
    }

    @Test
    void installsSwitchesAtomicallyAndKeepsThePreviousVersion() throws Exception {
        assertThat(runner.run(env, update.toString(), "install", bundle("0.2.0").toString()).exit()).isZero();
        ScriptRunner.Result second = runner.run(env, update.toString(), "install", bundle("0.3.0").toString());

        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(running()).isEqualTo("0.3.0");
        assertThat(Files.readString(root.resolve("opt/smartsenior/kiosk/smartsenior-kiosk.jar"))).isEqualTo("jar 0.3.0");
        assertThat(root.resolve("opt/smartsenior/kiosk/kiosk-session.sh")).as("the screen session's start script")
                .isExecutable().content().contains("smartsenior-kiosk.jar");
        assertThat(Files.readSymbolicLink(root.resolve("opt/smartsenior/previous")).getFileName().toString()).isEqualTo("0.2.0");
        assertThat(runner.systemctlCalls()).contains("restart smartsenior-kiosk-screen.service", "is-active --quiet smartsenior-kiosk-screen.service");

        ScriptRunner.Result back = runner.run(env, update.toString(), "rollback");
        assertThat(back.exit()).as(back.output()).isZero();
        assertThat(running()).isEqualTo("0.2.0");
    }

    @Test
    void theKioskUnitFirstBootEnabledIsTheOneRestartedAndChecked() throws Exception {
        Files.writeString(root.resolve("etc/smartsenior/kiosk-unit"), "smartsenior-kiosk-sim.service\n");
        ScriptRunner.Result result = runner.run(env, update.toString(), "install", bundle("0.2.0").toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(runner.systemctlCalls()).contains("restart smartsenior-kiosk-sim.service",
                "is-active --quiet smartsenior-kiosk-sim.service").doesNotContain("smartsenior-kiosk-screen.service");
    }

    @Test
    void withoutTheKioskUnitFileAnUpdateRefusesRatherThanGuessAndChangesNothing() throws Exception {
        assertThat(runner.run(env, update.toString(), "install", bundle("0.2.0").toString()).exit()).isZero();
        Files.delete(root.resolve("etc/smartsenior/kiosk-unit"));
        String callsBefore = runner.systemctlCalls();

        ScriptRunner.Result result = runner.run(env, update.toString(), "install", bundle("0.3.0").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("REFUSED", "kiosk-unit is missing", "nothing changed");
        assertThat(running()).isEqualTo("0.2.0");
        assertThat(root.resolve("opt/smartsenior/releases/0.3.0")).doesNotExist();
        assertThat(runner.systemctlCalls()).as("no unit restarted, least of all the simulation").isEqualTo(callsBefore);
        ScriptRunner.Result rollback = runner.run(env, update.toString(), "rollback");
        assertThat(rollback.exit()).isEqualTo(2);
        assertThat(running()).as("current still answers without the file").isEqualTo("0.2.0");
    }

    @Test
    void aKioskUnitFileNamingNoKioskUnitIsRefused() throws Exception {
        for (String named : List.of("ssh.service\n", "", "smartsenior-kiosk.service\n", "smartsenior-kiosk-screen.service; reboot\n")) {
            Files.writeString(root.resolve("etc/smartsenior/kiosk-unit"), named);
            ScriptRunner.Result result = runner.run(env, update.toString(), "install", bundle("0.2.0").toString());
            assertThat(result.exit()).as(named).isEqualTo(2);
            assertThat(result.output()).as(named).contains("names no kiosk unit", "nothing changed");
            assertThat(running()).isEqualTo("none");
        }
        assertThat(runner.systemctlCalls()).isEmpty();
    }

    @Test
    void aBundleWithABadSignatureChangesNothing() throws Exception {
        runner.run(env, update.toString(), "install", bundle("0.2.0").toString());
        Path tampered = bundle("0.3.0");
        Files.write(tampered, Files.readAllBytes(bundle("0.3.1")));  // another bundle under the 0.3.0 signature

        ScriptRunner.Result result = runner.run(env, update.toString(), "install", tampered.toString(),
                tampered + ".sig");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("REFUSED: the signature");
        assertThat(running()).isEqualTo("0.2.0");
        assertThat(root.resolve("opt/smartsenior/releases/0.3.1")).doesNotExist();
    }

    @Test
    void aVersionThatDoesNotStayUpIsRolledBack() throws Exception {
        runner.run(env, update.toString(), "install", bundle("0.2.0").toString());
        runner.kioskFails(true);

        ScriptRunner.Result result = runner.run(env, update.toString(), "install", bundle("0.3.0").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("did not stay up on 0.3.0", "rolled back to 0.2.0");
        assertThat(running()).isEqualTo("0.2.0");
    }

    @Test
    void aVersionThatCrashLoopsWhileSettlingIsRolledBackThoughItLooksActive() throws Exception {
        runner.run(env, update.toString(), "install", bundle("0.2.0").toString());
        runner.kioskCrashLoops(true);   // is-active says yes; systemd restarted it in between

        ScriptRunner.Result result = runner.run(env, update.toString(), "install", bundle("0.3.0").toString());

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("crash-looping", "did not stay up on 0.3.0", "rolled back to 0.2.0");
        assertThat(running()).isEqualTo("0.2.0");
        assertThat(runner.systemctlCalls()).contains("show -p NRestarts --value smartsenior-kiosk-screen.service");
    }
}
