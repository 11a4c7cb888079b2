package kr.smartsenior.edge.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.UpdateCommand;
import kr.smartsenior.protocol.UpdateProblem;
import kr.smartsenior.protocol.UpdateReport;
import kr.smartsenior.protocol.UpdateStep;
import kr.smartsenior.protocol.contract.ContractExamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's update agent with a fake installer and fetch: what it reports, what it installs, and what it refuses. */
class UpdateAgentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneId.of("Asia/Seoul"));
    private static final byte[] BUNDLE = "the 2026.12.1 release".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SIGNATURE = "signature".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final ProtocolCodec codec = new ProtocolCodec();
    private final AtomicReference<String> running = new AtomicReference<>("2026.11.0");
    private final List<UpdateReport> published = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> server = new java.util.concurrent.ConcurrentHashMap<>(Map.of(
            "/updates/bundles/2026.12.1/bundle", BUNDLE, "/updates/bundles/2026.12.1/signature", SIGNATURE));
    private final List<UpdateAgent> agents = new ArrayList<>();
    private FakeInstaller installer;

    /** Records what it is asked to install; its outcome is set by the test, as the installer script would leave it. */
    final class FakeInstaller implements Installer {
        final List<String> installed = new CopyOnWriteArrayList<>();
        final List<byte[]> bundles = new CopyOnWriteArrayList<>();
        volatile Outcome outcome;

        @Override
        public Path workDir() {
            return dir;
        }

        @Override
        public void install(String version) throws IOException {
            installed.add(version);
            bundles.add(Files.readAllBytes(dir.resolve(UpdateAgent.BUNDLE)));
        }

        @Override
        public Optional<Outcome> outcome() {
            return Optional.ofNullable(outcome);
        }

        @Override
        public void forget() {
            outcome = null;
        }
    }

    private UpdateAgent agent() {
        if (installer == null) {
            installer = new FakeInstaller();
        }
        UpdateAgent agent = new UpdateAgent(installer, running::get, url -> {
            byte[] body = server.get(url.getPath());
            if (body == null) {
                throw new FileNotFoundException("the server answered 404 for " + url.getPath());
            }
            return new ByteArrayInputStream(body);
        }, CLOCK, Duration.ofMillis(20), Duration.ofMinutes(15));
        agent.start(payload -> {
            if (codec.decodeUpdateReport(payload) instanceof Decoded.Ok<UpdateReport>(UpdateReport report)) {
                published.add(report);
            }
            return true;
        });
        agents.add(agent);
        return agent;
    }

    @AfterEach
    void closeAgents() {
        agents.forEach(UpdateAgent::close);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private byte[] command(long campaign, String sha, long size) {
        String base = "http://ssc.example/updates/bundles/2026.12.1/";
        return codec.encode(new UpdateCommand(campaign, "2026.12.1", base + "bundle", base + "signature", sha, size,
                java.time.OffsetDateTime.now(CLOCK)));
    }

    private List<UpdateStep> steps() {
        return published.stream().map(UpdateReport::step).toList();
    }

    private UpdateReport last() {
        return published.getLast();
    }

    @Test
    void aBundleWhoseChecksumIsNotTheCommandsIsFailedAndNeverInstalled() throws Exception {
        UpdateAgent agent = agent();
        agent.commandArrived(command(3, sha256("another bundle".getBytes(StandardCharsets.UTF_8)), BUNDLE.length));

        await().until(() -> !published.isEmpty() && last().step().finished());
        assertThat(steps()).containsExactly(UpdateStep.RECEIVED, UpdateStep.DOWNLOADING, UpdateStep.FAILED);
        assertThat(last().problem()).isEqualTo(UpdateProblem.CHECKSUM_MISMATCH);
        assertThat(installer.installed).isEmpty();
        assertThat(dir.resolve(UpdateAgent.BUNDLE)).doesNotExist();
        assertThat(dir.resolve(UpdateAgent.BUNDLE + ".part")).doesNotExist();
        ContractExamples.check("update-reports", "checksum-mismatch", codec.encode(last()));
    }

    @Test
    void aBundleLargerThanTheCommandSaysIsCutOffAndNeverInstalled() throws Exception {
        agent().commandArrived(command(3, sha256(BUNDLE), BUNDLE.length - 5));

        await().until(() -> !published.isEmpty() && last().step().finished());
        assertThat(last().step()).isEqualTo(UpdateStep.FAILED);
        assertThat(last().problem()).isEqualTo(UpdateProblem.CHECKSUM_MISMATCH);
        assertThat(installer.installed).isEmpty();
    }

    @Test
    void aMissingBundleIsADownloadFailure() throws Exception {
        server.remove("/updates/bundles/2026.12.1/signature");
        agent().commandArrived(command(3, sha256(BUNDLE), BUNDLE.length));

        await().until(() -> !published.isEmpty() && last().step().finished());
        assertThat(last().problem()).isEqualTo(UpdateProblem.DOWNLOAD_FAILED);
        assertThat(last().detail()).contains("404");
        assertThat(installer.installed).isEmpty();
    }

    @Test
    void aVerifiedBundleIsInstalledAndHealthyOnceTheNewVersionRuns() throws Exception {
        agent().commandArrived(command(3, sha256(BUNDLE), BUNDLE.length));

        await().until(() -> installer.installed.size() == 1);
        assertThat(installer.bundles.getFirst()).isEqualTo(BUNDLE);
        assertThat(dir.resolve(UpdateAgent.SIGNATURE)).hasBinaryContent(SIGNATURE);
        assertThat(steps()).containsExactly(UpdateStep.RECEIVED, UpdateStep.DOWNLOADING, UpdateStep.VERIFIED,
                UpdateStep.INSTALLING);

        running.set("2026.12.1");
        installer.outcome = new Installer.Outcome(0, "ssc-update: switched to 2026.12.1\nssc-update: 2026.12.1 is running\n");

        await().until(() -> last().step().finished());
        assertThat(last().step()).isEqualTo(UpdateStep.HEALTHY);
        assertThat(last().runningVersion()).isEqualTo("2026.12.1");
        ContractExamples.check("update-reports", "healthy", codec.encode(last()));
    }

    @Test
    void aReleaseTheInstallerRolledBackIsReportedRolledBackWithItsWords() throws Exception {
        agent().commandArrived(command(3, sha256(BUNDLE), BUNDLE.length));
        await().until(() -> installer.installed.size() == 1);

        installer.outcome = new Installer.Outcome(1, "ssc-update: switched to 2026.12.1 (previous: 2026.11.0)\n"
                + "ssc-update: the kiosk did not stay up on 2026.12.1\nssc-update: rolled back to 2026.11.0\n");

        await().until(() -> last().step().finished());
        assertThat(last().step()).isEqualTo(UpdateStep.ROLLED_BACK);
        assertThat(last().problem()).isEqualTo(UpdateProblem.DID_NOT_STAY_UP);
        assertThat(last().detail()).isEqualTo("ssc-update: the kiosk did not stay up on 2026.12.1; ssc-update: rolled back to 2026.11.0");
        assertThat(last().runningVersion()).isEqualTo("2026.11.0");
        ContractExamples.check("update-reports", "rolled-back", codec.encode(last()));
    }

    @Test
    void aRefusedSignatureIsAFailureNotARollback() throws Exception {
        agent().commandArrived(command(3, sha256(BUNDLE), BUNDLE.length));
        await().until(() -> installer.installed.size() == 1);
        installer.outcome = new Installer.Outcome(1,
                "ssc-update: REFUSED: the signature of bundle.tar.gz does not verify; nothing changed\n");

        await().until(() -> last().step().finished());
        assertThat(last().step()).isEqualTo(UpdateStep.FAILED);
        assertThat(last().problem()).isEqualTo(UpdateProblem.SIGNATURE_REFUSED);
    }

    @Test
    void theResultIsReportedByTheNextStartAfterTheInstallerRestartedTheKiosk() throws Exception {
        UpdateAgent before = agent();
        before.commandArrived(command(3, sha256(BUNDLE), BUNDLE.length));
        await().until(() -> installer.installed.size() == 1);
        before.close(); // the installer restarts the kiosk unit: this process ends
        published.clear();

        running.set("2026.12.1");
        installer.outcome = new Installer.Outcome(0, "ssc-update: 2026.12.1 is running\n");
        UpdateAgent after = agent();

        await().until(() -> !published.isEmpty() && last().step().finished());
        assertThat(last().step()).isEqualTo(UpdateStep.HEALTHY);
        assertThat(after.state().campaignId()).isEqualTo(3);

        // the retained command comes again after the reconnect: reported, not installed again
        published.clear();
        after.commandArrived(command(3, sha256(BUNDLE), BUNDLE.length));
        await().until(() -> !published.isEmpty());
        assertThat(steps()).containsExactly(UpdateStep.HEALTHY);
        assertThat(installer.installed).hasSize(1);
    }

    @Test
    void aKioskAlreadyRunningTheVersionIsHealthyAtOnceAndAMalformedCommandIsIgnored() throws Exception {
        running.set("2026.12.1");
        UpdateAgent agent = agent();
        agent.commandArrived("{\"campaignId\": 1, \"version\": \"../../etc\"}".getBytes(StandardCharsets.UTF_8));
        agent.commandArrived(new byte[0]);
        agent.commandArrived(command(4, sha256(BUNDLE), BUNDLE.length));

        await().until(() -> !published.isEmpty());
        assertThat(steps()).containsExactly(UpdateStep.HEALTHY);
        assertThat(last().campaignId()).isEqualTo(4);
        assertThat(installer.installed).isEmpty();
    }

    @Test
    void theServersCommandExampleIsOneTheKioskActsOn() {
        for (String name : ContractExamples.names("update-commands")) {
            Decoded<UpdateCommand> read = codec.decodeUpdateCommand(ContractExamples.read("update-commands", name));
            assertThat(read).as(name).isInstanceOf(Decoded.Ok.class);
        }
        assertThat(ContractExamples.names("update-commands")).isNotEmpty();
    }
}
