package kr.smartsenior.edge.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import kr.smartsenior.edge.sync.UpdateChannel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.UpdateCommand;
import kr.smartsenior.protocol.UpdateProblem;
import kr.smartsenior.protocol.UpdateReport;
import kr.smartsenior.protocol.UpdateStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the update command the server keeps retained on this kiosk's {@code update} topic:
 * RECEIVED, DOWNLOADING (bundle and signature over HTTP(S), the kiosk's broker account as HTTP Basic),
 * VERIFIED (SHA-256 and size are the command's; anything else is FAILED and nothing is installed),
 * INSTALLING (the {@link Installer}), then HEALTHY when the kiosk runs the new version after the
 * installer's restart, or ROLLED_BACK/FAILED with the installer's reason. Each step is published retained
 * on {@code update-status} and kept in {@code state.json}, so a restart (the installer restarts the kiosk)
 * picks up where it was and one campaign is carried out once: its retained command, which arrives again
 * after every connect, only repeats the report.
 *
 * <p>Threads: everything runs on {@code ssc-update-agent}; {@link #commandArrived} only hands over.
 */
public final class UpdateAgent implements UpdateChannel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdateAgent.class);
    static final String STATE = "state.json";
    static final String BUNDLE = "bundle.tar.gz";
    static final String SIGNATURE = "bundle.tar.gz.sig";
    private static final int MAX_SIGNATURE_BYTES = 4096;

    private final Installer installer;
    private final Supplier<String> runningVersion;
    private final Fetch fetch;
    private final Clock clock;
    private final Duration pollEvery;
    private final Duration installTimeout;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "ssc-update-agent");
        t.setDaemon(true);
        return t;
    });

    private volatile Predicate<byte[]> publisher = payload -> false;
    private volatile byte[] latest;
    // on the agent's thread only
    private UpdateReport state;
    private Instant installingSince;

    /**
     * @param installer      installs a verified bundle; its work directory holds the agent's files too
     * @param runningVersion the version this kiosk runs now
     * @param fetch          fetches the bundle and its signature ({@link #overHttp})
     * @param pollEvery      how often to look for the installer's result while installing
     * @param installTimeout after this long without a result the update is FAILED (no installer running)
     */
    public UpdateAgent(Installer installer, Supplier<String> runningVersion, Fetch fetch, Clock clock, Duration pollEvery,
            Duration installTimeout) {
        this.installer = Objects.requireNonNull(installer, "installer");
        this.runningVersion = Objects.requireNonNull(runningVersion, "runningVersion");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.installTimeout = installTimeout;
    }

    /** Reads what the last run left, reports the outcome of an installation that restarted the kiosk, polls while one runs. */
    public void start(Predicate<byte[]> publishWith) {
        this.publisher = Objects.requireNonNull(publishWith, "publishWith");
        onThread(() -> {
            state = readState();
            if (state != null) {
                latest = codec.encode(state);
                if (state.step() == UpdateStep.INSTALLING) {
                    installingSince = clock.instant();
                    log.info("update to {} (campaign {}) was installing before this start; waiting for the installer's result",
                            state.version(), state.campaignId());
                    checkInstaller();
                }
            }
        });
        thread.scheduleWithFixedDelay(() -> guarded(this::checkInstaller), pollEvery.toMillis(), pollEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void commandArrived(byte[] payload) {
        byte[] copy = payload == null ? new byte[0] : payload.clone();
        onThread(() -> handle(copy));
    }

    @Override
    public byte[] latestReport() {
        byte[] report = latest;
        return report == null ? null : report.clone();
    }

    /** The step of the update this kiosk was told of last, or null. */
    public UpdateReport state() {
        byte[] report = latest;
        if (report == null) {
            return null;
        }
        return codec.decodeUpdateReport(report) instanceof Decoded.Ok<UpdateReport>(UpdateReport r) ? r : null;
    }

    // ---- on the agent's thread ----

    private void handle(byte[] payload) {
        if (payload.length == 0) {
            return; // the server withdrew the command (campaign paused or over): an update under way still ends
        }
        UpdateCommand command;
        switch (codec.decodeUpdateCommand(payload)) {
            case Decoded.Ok<UpdateCommand>(UpdateCommand c) -> command = c;
            case Decoded.Malformed<UpdateCommand>(String reason) -> {
                log.warn("ignoring a malformed update command: {}", reason);
                return;
            }
        }
        if (state != null && state.campaignId() == command.campaignId()) {
            if (state.step().finished() || state.step() == UpdateStep.INSTALLING) {
                publisher.test(latest); // the retained command again (a reconnect): say where this kiosk is
                return;
            }
        }
        if (state != null && state.step() == UpdateStep.INSTALLING && state.campaignId() != command.campaignId()) {
            log.warn("update command of campaign {} arrived while {} is installing; it waits", command.campaignId(),
                    state.version());
            return;
        }
        String running = runningVersion.get();
        if (command.version().equals(running)) {
            report(command, UpdateStep.HEALTHY, null, "already running " + running);
            return;
        }
        log.info("update to {} (campaign {}) received; running {}", command.version(), command.campaignId(), running);
        report(command, UpdateStep.RECEIVED, null, null);
        report(command, UpdateStep.DOWNLOADING, null, null);
        Path dir = installer.workDir();
        Path bundle = dir.resolve(BUNDLE);
        Path signature = dir.resolve(SIGNATURE);
        String digest;
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(bundle);
            Files.deleteIfExists(signature);
            digest = download(command.bundleUrl(), dir.resolve(BUNDLE + ".part"), command.sizeBytes());
            download(command.signatureUrl(), dir.resolve(SIGNATURE + ".part"), MAX_SIGNATURE_BYTES);
        } catch (TooLarge e) {
            discard(dir);
            report(command, UpdateStep.FAILED, UpdateProblem.CHECKSUM_MISMATCH, e.getMessage());
            return;
        } catch (IOException e) {
            discard(dir);
            report(command, UpdateStep.FAILED, UpdateProblem.DOWNLOAD_FAILED, e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            long size = Files.size(dir.resolve(BUNDLE + ".part"));
            if (!digest.equals(command.sha256()) || size != command.sizeBytes()) {
                discard(dir);
                report(command, UpdateStep.FAILED, UpdateProblem.CHECKSUM_MISMATCH, "the bundle's SHA-256 is " + digest
                        + " (" + size + " bytes), not the command's " + command.sha256() + " (" + command.sizeBytes()
                        + " bytes): not installed");
                return;
            }
            Files.move(dir.resolve(BUNDLE + ".part"), bundle, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(dir.resolve(SIGNATURE + ".part"), signature, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            report(command, UpdateStep.VERIFIED, null, null);
            installingSince = clock.instant();
            report(command, UpdateStep.INSTALLING, null, null);
            installer.install(command.version());
        } catch (IOException e) {
            report(command, UpdateStep.FAILED, UpdateProblem.INSTALL_FAILED, "could not hand the bundle to the installer: "
                    + e.getMessage());
            return;
        }
        checkInstaller();
    }

    /** While installing: the installer's result, read against the version running now. */
    private void checkInstaller() {
        if (state == null || state.step() != UpdateStep.INSTALLING) {
            return;
        }
        var outcome = installer.outcome();
        if (outcome.isEmpty()) {
            if (installingSince != null && clock.instant().isAfter(installingSince.plus(installTimeout))) {
                finish(UpdateStep.FAILED, UpdateProblem.INSTALL_FAILED, "no result from the installer within "
                        + installTimeout.toMinutes() + " min (is smartsenior-update.path enabled?)");
            }
            return;
        }
        Installer.Outcome result = outcome.get();
        String running = runningVersion.get();
        String said = lastWords(result.log());
        if (result.exitCode() == 0 && state.version().equals(running)) {
            finish(UpdateStep.HEALTHY, null, said);
        } else if (result.exitCode() == 0) {
            finish(UpdateStep.FAILED, UpdateProblem.INSTALL_FAILED, "installed, yet the kiosk runs " + running + ": " + said);
        } else if (result.log().contains("rolled back to")) {
            finish(UpdateStep.ROLLED_BACK, UpdateProblem.DID_NOT_STAY_UP, said);
        } else if (result.log().contains("REFUSED: the signature")) {
            finish(UpdateStep.FAILED, UpdateProblem.SIGNATURE_REFUSED, said);
        } else {
            finish(UpdateStep.FAILED, UpdateProblem.INSTALL_FAILED, said);
        }
        installer.forget();
        discard(installer.workDir());
    }

    private void finish(UpdateStep step, UpdateProblem problem, String detail) {
        log.info("update to {} (campaign {}): {}{}", state.version(), state.campaignId(), step, detail == null ? "" : " — " + detail);
        publish(new UpdateReport(state.campaignId(), state.version(), step, problem, detail, runningVersion.get(),
                OffsetDateTime.now(clock)));
    }

    /** The installer's last two lines, for the admin. */
    static String lastWords(String log) {
        List<String> lines = log.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return String.join("; ", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
    }

    private void report(UpdateCommand command, UpdateStep step, UpdateProblem problem, String detail) {
        if (step == UpdateStep.FAILED) {
            log.warn("update to {} (campaign {}) failed: {} {}", command.version(), command.campaignId(), problem, detail);
        }
        publish(new UpdateReport(command.campaignId(), command.version(), step, problem, detail, runningVersion.get(),
                OffsetDateTime.now(clock)));
    }

    private void publish(UpdateReport report) {
        state = report;
        byte[] payload = codec.encode(report);
        latest = payload;
        writeState(payload);
        if (!publisher.test(payload)) {
            log.debug("update report {} goes out on the next connect", report.step());
        }
    }

    /** Opens what a URL of the command points at. */
    @FunctionalInterface
    public interface Fetch {
        /** The body of a successful answer; an IOException saying why otherwise. */
        InputStream open(URI url) throws IOException, InterruptedException;
    }

    /** Fetches over HTTP(S) with the kiosk's broker account as HTTP Basic (how the server knows the device). */
    public static Fetch overHttp(HttpClient http, String user, String password) {
        String authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        return url -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("the server answered " + response.statusCode() + " for " + url.getPath());
            }
            return response.body();
        };
    }

    /** Streams a URL into a file, at most {@code max} bytes; returns its SHA-256. */
    private String download(String url, Path target, long max) throws IOException, InterruptedException {
        try (InputStream in = fetch.open(URI.create(url))) {
            MessageDigest sha = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(target)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > max) {
                        throw new TooLarge("the download is larger than the command's " + max + " bytes: not installed");
                    }
                    out.write(buffer, 0, n);
                    sha.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private static void discard(Path dir) {
        for (String name : List.of(BUNDLE, SIGNATURE, BUNDLE + ".part", SIGNATURE + ".part")) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                log.warn("could not remove {}: {}", dir.resolve(name), e.toString());
            }
        }
    }

    private UpdateReport readState() {
        Path file = installer.workDir().resolve(STATE);
        try {
            if (!Files.exists(file)) {
                return null;
            }
            return switch (codec.decodeUpdateReport(Files.readAllBytes(file))) {
                case Decoded.Ok<UpdateReport>(UpdateReport report) -> report;
                case Decoded.Malformed<UpdateReport>(String reason) -> {
                    log.warn("ignoring an unreadable {}: {}", file, reason);
                    yield null;
                }
            };
        } catch (IOException e) {
            log.warn("cannot read {}: {}", file, e.toString());
            return null;
        }
    }

    private void writeState(byte[] payload) {
        Path dir = installer.workDir();
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve(STATE + ".tmp");
            Files.write(temp, payload);
            Files.move(temp, dir.resolve(STATE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("cannot keep the update state in {}: {}", dir, e.toString());
        }
    }

    private void onThread(Runnable task) {
        try {
            thread.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("update agent closed; dropping an event");
        }
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("unexpected failure in the update agent", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
