package kr.smartsenior.edge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import kr.smartsenior.edge.Kiosk;
import kr.smartsenior.edge.KioskSettings;
import kr.smartsenior.edge.update.ScriptInstaller;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * The rollout, simulated end to end against a running server: 21 senior centers in three waves
 * (9, then 6 more, then 6 more: 9, 15, 21), each with a kiosk that is provisioned through the API,
 * connects with its own broker account from its bundle, reports its status and sends results. Once
 * {@code GET /api/fleet} shows them all healthy, three are broken: one is stopped, one's uploads are
 * paused by remote configuration while it keeps recording (its backlog grows), one reports a failing
 * sensor; then the fleet must name each. The kiosks run in this process, as real {@link Kiosk}s.
 *
 * <p>With {@link #withUpdates} (before {@link #run()}) each kiosk also has a scratch root with the update
 * key and release {@value #BASE_VERSION}, and {@link #runCampaign()} then updates them as campaigns from
 * the admin API (issue 17): a broken release rolled back on its canary, a good one to all 21, wave by wave.
 *
 * <pre>
 * java -cp smartsenior-kiosk.jar kr.smartsenior.edge.simulate.RolloutSimulation http://127.0.0.1:8080 admin PASSWORD
 * </pre>
 *
 * (see {@code scripts/rollout-sim.sh}, which starts a server and a Mosquitto with generated access files
 * first). The server should run with short fleet thresholds ({@code SSC_FLEET_OFFLINE_GRACE=2s},
 * {@code SSC_FLEET_BACKLOG_GROWTH=5}) so the alerts show within seconds rather than the production minutes.
 */
public final class RolloutSimulation implements AutoCloseable {

    /** Sites added by each wave: 9, then 15 and 21 in all. */
    public static final int[] WAVES = {9, 6, 6};
    static final Duration STATUS_EVERY = Duration.ofSeconds(1);
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ALWAYS_OPEN = Map.of("mon", "00:00-24:00", "tue", "00:00-24:00",
            "wed", "00:00-24:00", "thu", "00:00-24:00", "fri", "00:00-24:00", "sat", "00:00-24:00", "sun", "00:00-24:00");

    private final String baseUrl;
    private final String authorization;
    private final String prefix;
    private final Path workDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Kiosk> kiosks = new LinkedHashMap<>();
    /** How each kiosk starts (again): its settings, installer and version, for the stopped one's restart. */
    private final Map<String, java.util.function.Supplier<Kiosk>> starts = new LinkedHashMap<>();
    private final List<String> deviceIds = new ArrayList<>();
    private Releases releases;
    private final Map<String, String> members = new LinkedHashMap<>();
    private final ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ssc-rollout-recorder").daemon().factory());

    /**
     * @param prefix  the start of every site id, so runs against one server do not collide ({@code sim})
     * @param workDir where the kiosks keep their stores
     */
    public RolloutSimulation(String baseUrl, String adminUser, String adminPassword, String prefix, Path workDir) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
        this.prefix = prefix;
        this.workDir = workDir;
    }

    /** What the run saw: the fleet when all were healthy, the fleet after the breaks, and which were broken. */
    public record Result(JsonNode healthy, JsonNode broken, String stoppedDevice, String backlogDevice, String sensorDevice) {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(List.of(args));
        boolean hold = positional.remove("--hold");
        if (positional.size() == 2 && positional.getFirst().equals("--prepare-releases")) {
            // the signing key and two signed releases, before the server starts (it needs the public key)
            Releases prepared = prepareReleases(Path.of(positional.get(1)), true);
            System.out.println(prepared.publicKey());
            return;
        }
        if (positional.size() < 3) {
            System.err.println("usage: RolloutSimulation <server URL> <admin user> <admin password> [site prefix] [--hold]");
            System.exit(2);
        }
        String prefix = positional.size() > 3 ? positional.get(3) : "sim";
        Path work = Files.createTempDirectory("ssc-rollout-");
        try (RolloutSimulation simulation = new RolloutSimulation(positional.get(0), positional.get(1), positional.get(2),
                prefix, work)) {
            String prepared = System.getenv("SSC_SIM_RELEASES");
            if (prepared != null && !prepared.isBlank()) {
                simulation.withUpdates(Releases.in(Path.of(prepared))); // kiosks start on the base release
            }
            Result result = simulation.run();
            System.out.println("== all healthy ==");
            System.out.println(summary(result.healthy()));
            System.out.println("== after stopping " + result.stoppedDevice() + ", pausing the uploads of "
                    + result.backlogDevice() + " and failing a sensor of " + result.sensorDevice() + " ==");
            System.out.println(summary(result.broken()));
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.broken().get("summary")));
            if (prepared != null && !prepared.isBlank()) {
                CampaignResult campaigns = simulation.runCampaign();
                System.out.println("== release " + campaigns.broken().path("release").asText() + " is broken: canary "
                        + campaigns.canary() + " first ==");
                System.out.println("upload under another signature refused: " + campaigns.refusedUpload());
                System.out.println(campaignSummary(campaigns.broken()));
                System.out.println("== release " + campaigns.good().path("release").asText()
                        + " to 21 kiosks in three waves, canary first ==");
                System.out.println(campaignSummary(campaigns.good()));
                if (hold) {
                    System.out.println("Campaign pages: " + positional.get(0) + "/admin/updates/campaigns/"
                            + campaigns.broken().path("id").asText() + " and /admin/updates/campaigns/"
                            + campaigns.good().path("id").asText());
                }
            }
            if (hold) { // the kiosks keep running (and the broken ones stay broken) until the process is stopped
                System.out.println("The kiosks keep running: look at " + positional.get(0) + "/fleet; Ctrl-C stops.");
                System.out.flush();
                new java.util.concurrent.CountDownLatch(1).await();
            }
        }
    }

    /** Runs the whole rollout and the breaks; returns the two views of the fleet. */
    public Result run() {
        int number = 0;
        for (int wave = 1; wave <= WAVES.length; wave++) {
            for (int i = 0; i < WAVES[wave - 1]; i++) {
                number++;
                rollOut(wave, number);
            }
        }
        JsonNode healthy = awaitFleet("all " + deviceIds.size() + " kiosks online without problems",
                fleet -> deviceIds.stream().allMatch(id -> {
                    JsonNode device = device(fleet, id);
                    return device != null && "online".equals(device.path("state").asText())
                            && device.path("problems").isEmpty() && device.path("status").path("outbox").asLong(-1) == 0;
                }));

        String stopped = deviceIds.get(0);
        String backlog = deviceIds.get(1);
        String sensor = deviceIds.get(2);
        kiosks.remove(stopped).close();
        send("PUT", "/api/devices/" + backlog + "/config", Map.of("settings", Map.of("uploadsPaused", true)), 200);
        Kiosk filling = kiosks.get(backlog);
        String fillingMember = members.get(backlog);
        recorder.scheduleAtFixedRate(() -> filling.record(grip(fillingMember)), 0, 250, TimeUnit.MILLISECONDS);
        kiosks.get(sensor).reportSensors(Map.of("stepMat", "ok", "distance", "not responding"));

        JsonNode broken = awaitFleet("the three broken kiosks named", fleet ->
                has(fleet, stopped, "offline", "alert") && has(fleet, backlog, "backlog-growing", "alert")
                        && has(fleet, sensor, "sensor", "alert"));
        return new Result(healthy, broken, stopped, backlog, sensor);
    }

    private String rollOut(int wave, int number) {
        String siteId = String.format(Locale.ROOT, "%s-%02d", prefix, number);
        send("POST", "/api/sites", Map.of("id", siteId, "name", "시뮬레이션 경로당 " + number,
                "address", "서울특별시 가상구 " + number + "번길", "openingHours", ALWAYS_OPEN, "wave", wave), 201);
        JsonNode made = send("POST", "/api/sites/" + siteId + "/devices", Map.of(), 201);
        deviceIds.add(made.get("bundle").get("deviceId").asText());
        JsonNode bundle = made.get("bundle");
        String deviceId = bundle.get("deviceId").asText();
        String member = send("POST", "/api/members", Map.of("siteId", siteId, "displayName", "시뮬레이션 " + number,
                "birthYear", 1940 + number, "sex", number % 2 == 0 ? "M" : "F"), 201).get("id").asText();
        KioskSettings settings = new KioskSettings(siteId, deviceId, bundle.at("/mqtt/url").asText(),
                workDir.resolve(deviceId), KioskSettings.DEFAULT_BATCH_SIZE, Duration.ofMillis(200), Duration.ofSeconds(2),
                STATUS_EVERY, List.of(), KioskSettings.DEFAULT_SIMULATE_EVERY, bundle.at("/mqtt/username").asText(),
                bundle.at("/mqtt/password").asText());
        String ca = bundle.at("/mqtt/caCertificatePem").asText("");
        if (settings.mqttUrl().startsWith("ssl://") && !ca.isBlank()) {
            // as the first boot does: the kiosk trusts the district CA from its bundle
            Path caFile = workDir.resolve(deviceId + "-ca.crt");
            try {
                Files.createDirectories(workDir);
                Files.writeString(caFile, ca);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            settings = settings.withCaFile(caFile);
        }
        KioskSettings started = settings;
        java.util.function.Supplier<Kiosk> start = () -> Kiosk.start(started);
        if (releases != null) {
            start = updatableKiosk(started);
        }
        starts.put(deviceId, start);
        Kiosk kiosk = start.get();
        kiosks.put(deviceId, kiosk);
        members.put(deviceId, member);
        kiosk.reportSensors(Map.of("stepMat", "ok", "distance", "ok"));
        kiosk.record(grip(member));
        kiosk.record(MeasurementRecord.of(member, MeasurementCode.CHAIR_STAND_30S, BigDecimal.valueOf(12),
                OffsetDateTime.now(), Map.of()));
        return deviceId;
    }

    // ---- updates as campaigns (issue 17, decision 0040) ----

    /** The release every simulated kiosk runs before the campaigns. */
    public static final String BASE_VERSION = "2026.11.0";
    /** A release that does not stay up (its unit never becomes active): the canary rolls it back. */
    public static final String BROKEN_VERSION = "2026.12.0";
    /** The release that reaches all 21 kiosks. */
    public static final String GOOD_VERSION = "2026.12.1";
    static final Duration CAMPAIGN_WAIT = Duration.ofSeconds(120);

    /**
     * Two signed releases built with the firmware's {@code build-update-bundle.sh}, and the public key kiosks
     * and server check them with.
     */
    public record Releases(Path dir, Path publicKey) {

        /** Releases prepared before in this directory ({@link #prepareReleases}). */
        public static Releases in(Path dir) {
            return new Releases(dir, dir.resolve("update-key.pub"));
        }

        public Path bundle(String version) {
            return dir.resolve("smartsenior-kiosk-" + version + ".tar.gz");
        }

        public Path signature(String version) {
            return dir.resolve("smartsenior-kiosk-" + version + ".tar.gz.sig");
        }
    }

    /**
     * Makes a signing key (openssl) and builds {@value #GOOD_VERSION} and {@value #BROKEN_VERSION} with
     * {@code build-update-bundle.sh}, with a small stand-in for the kiosk jar (tests). The broken release carries
     * {@code SIMULATED-CRASH}: the simulated systemd never sees its unit active, as with a release that crashes
     * on start.
     */
    public static Releases prepareReleases(Path dir) throws IOException, InterruptedException {
        return prepareReleases(dir, false);
    }

    /**
     * As {@link #prepareReleases(Path)}; with {@code withKioskJar} the releases carry the kiosk jar this runs
     * from (tens of MB, without its libraries), so downloads are of a real size ({@code scripts/rollout-sim.sh}).
     */
    public static Releases prepareReleases(Path dir, boolean withKioskJar) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path scripts = Files.createDirectories(dir.resolve("firmware/update"));
        Path session = Files.createDirectories(dir.resolve("firmware/kiosk-session"));
        copyScript("update/build-update-bundle.sh", scripts);
        copyScript("kiosk-session/kiosk-session.sh", session);
        Path key = dir.resolve("update-key.pem");
        exec(dir, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString());
        exec(dir, "openssl", "pkey", "-in", key.toString(), "-pubout", "-out", dir.resolve("update-key.pub").toString());
        for (String version : List.of(GOOD_VERSION, BROKEN_VERSION)) {
            Path kiosk = Files.createDirectories(dir.resolve("build-" + version + "/lib"));
            Path jar = withKioskJar ? kioskJar() : null;
            if (jar != null) {
                Files.copy(jar, kiosk.resolveSibling("smartsenior-kiosk.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.writeString(kiosk.resolveSibling("smartsenior-kiosk.jar"), "kiosk " + version);
            }
            if (version.equals(BROKEN_VERSION)) {
                Files.writeString(kiosk.resolveSibling("SIMULATED-CRASH"), "this release exits at start\n");
            }
            exec(dir, "bash", scripts.resolve("build-update-bundle.sh").toString(), version, kiosk.getParent().toString(),
                    key.toString(), dir.toString());
        }
        Files.delete(key); // the signing key stays on the build machine: here, nowhere
        return Releases.in(dir);
    }

    private static Path kioskJar() {
        try {
            Path jar = Path.of(Kiosk.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.toString().endsWith(".jar") ? jar : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static void copyScript(String resource, Path dir) throws IOException {
        try (var in = RolloutSimulation.class.getResourceAsStream("/firmware/" + resource)) {
            if (in == null) {
                throw new IOException("firmware script " + resource + " is not on the classpath");
            }
            Path target = dir.resolve(Path.of(resource).getFileName());
            Files.write(target, in.readAllBytes());
            Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void exec(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Kiosks started from now on run {@value #BASE_VERSION} in a scratch root and install updates with the firmware's scripts. */
    public RolloutSimulation withUpdates(Releases prepared) {
        this.releases = prepared;
        return this;
    }

    /**
     * A kiosk whose installer is the firmware's own {@code ssc-update-request.sh} and {@code ssc-update.sh}
     * ({@link ScriptInstaller}) under a scratch root with the update key and {@value #BASE_VERSION} installed,
     * and a stand-in for systemd: the unit is active unless the running release carries {@code SIMULATED-CRASH}.
     * The kiosk's version is the release its root's {@code kiosk} symlink points at.
     */
    private java.util.function.Supplier<Kiosk> updatableKiosk(KioskSettings settings) {
        Path root = workDir.resolve(settings.deviceId() + "-root");
        try {
            Path etc = Files.createDirectories(root.resolve("etc/smartsenior"));
            Files.copy(releases.publicKey(), etc.resolve("update-key.pub"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(etc.resolve("kiosk-unit"), "smartsenior-kiosk-sim.service\n"); // as first boot writes it
            Path base = Files.createDirectories(root.resolve("opt/smartsenior/releases/" + BASE_VERSION));
            Files.writeString(base.resolve("VERSION"), BASE_VERSION + "\n");
            Files.writeString(base.resolve("smartsenior-kiosk.jar"), "kiosk " + BASE_VERSION);
            Path link = root.resolve("opt/smartsenior/kiosk");
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, base);
            }
            Path systemctl = workDir.resolve("systemctl-sim");
            if (!Files.exists(systemctl)) {
                Files.writeString(systemctl, """
                        #!/usr/bin/env bash
                        # systemd for a simulated kiosk: restarting always works; the unit is active unless the release
                        # it runs ($SSC_ROOT/opt/smartsenior/kiosk) is one that crashes at start; systemd never restarted it
                        case "$1" in
                          is-active) [ -e "$SSC_ROOT/opt/smartsenior/kiosk/SIMULATED-CRASH" ] && exit 3; exit 0 ;;
                          show) echo 0 ;;
                        esac
                        exit 0
                        """);
                Files.setPosixFilePermissions(systemctl, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            ScriptInstaller installer = new ScriptInstaller(settings.dataDir().resolve(Kiosk.UPDATE_DIR), root, systemctl,
                    Map.of("SSC_UPDATE_SETTLE_S", "1"));
            java.util.function.Supplier<String> version = () -> {
                try {
                    return Files.readString(link.resolve("VERSION")).strip();
                } catch (IOException e) {
                    return "none";
                }
            };
            return () -> Kiosk.start(settings, installer, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the campaigns showed, as {@code GET /api/updates/campaigns/{id}} answered.
     *
     * @param broken        the broken release's campaign: the canary rolled back, the campaign halted, then stopped
     * @param good          the good release's campaign: canary, then three waves, every kiosk HEALTHY
     * @param canary        the canary kiosk of both
     * @param refusedUpload what the server said to a bundle under another release's signature
     */
    public record CampaignResult(JsonNode broken, JsonNode good, String canary, String refusedUpload) {
    }

    /**
     * After {@link #run()}: the stopped kiosk is switched on again, two releases are uploaded through the admin
     * API (and a bundle under the wrong signature refused), the broken one goes out with a canary first, which
     * rolls it back, so the campaign halts and is stopped; then the good one reaches all 21 kiosks, canary first
     * and then wave by wave.
     */
    public CampaignResult runCampaign() {
        if (releases == null) {
            throw new IllegalStateException("withUpdates(...) before run()");
        }
        for (String deviceId : deviceIds) {
            kiosks.computeIfAbsent(deviceId, id -> starts.get(id).get()); // the kiosk stopped by run() is switched on again
        }
        String canary = deviceIds.get(3);
        String refused = upload(releases.bundle(GOOD_VERSION), releases.signature(BROKEN_VERSION), 400)
                .at("/errors/0/message").asText();
        upload(releases.bundle(BROKEN_VERSION), releases.signature(BROKEN_VERSION), 201);
        upload(releases.bundle(GOOD_VERSION), releases.signature(GOOD_VERSION), 201);

        List<Integer> waves = List.of(1, 2, 3);
        JsonNode broken = send("POST", "/api/updates/campaigns", Map.of("release", BROKEN_VERSION, "waves", waves,
                "canary", canary), 201);
        long brokenId = broken.path("id").asLong();
        awaitCampaign(brokenId, "the canary's rollback to halt the campaign", c -> "PAUSED".equals(c.path("state").asText())
                && "ROLLED_BACK".equals(kiosk(c, canary).path("step").asText()));
        JsonNode brokenStopped = send("POST", "/api/updates/campaigns/" + brokenId + "/stop", null, 200);

        JsonNode good = send("POST", "/api/updates/campaigns", Map.of("release", GOOD_VERSION, "waves", waves,
                "canary", canary), 201);
        long goodId = good.path("id").asLong();
        JsonNode done = awaitCampaign(goodId, "all 21 kiosks on " + GOOD_VERSION, c -> "DONE".equals(c.path("state").asText()));
        return new CampaignResult(brokenStopped, done, canary, refused);
    }

    /** The kiosk of a campaign with this id, or a missing node. */
    public static JsonNode kiosk(JsonNode campaign, String deviceId) {
        for (JsonNode kiosk : campaign.path("kiosks")) {
            if (deviceId.equals(kiosk.path("deviceId").asText())) {
                return kiosk;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode awaitCampaign(long id, String what, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(CAMPAIGN_WAIT);
        JsonNode campaign = null;
        while (Instant.now().isBefore(deadline)) {
            campaign = send("GET", "/api/updates/campaigns/" + id, null, 200);
            if (done.test(campaign)) {
                return campaign;
            }
            try {
                Thread.sleep(500); // polling a server from a command-line tool
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("campaign " + id + " never showed " + what + ":\n" + campaignSummary(campaign));
    }

    /** The state, the counts, then one line per kiosk: stage, site, device, step, version, problem. */
    public static String campaignSummary(JsonNode campaign) {
        if (campaign == null) {
            return "(no answer)";
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "campaign #%s %s: %s%s%n  counts %s%n", campaign.path("id").asText(),
                campaign.path("release").asText(), campaign.path("state").asText(),
                campaign.path("stateReason").isTextual() ? " — " + campaign.path("stateReason").asText() : "",
                campaign.path("counts")));
        for (JsonNode kiosk : campaign.path("kiosks")) {
            int stage = kiosk.path("stage").asInt();
            text.append(String.format(Locale.ROOT, "  %-7s %-8s %-14s %-11s running %-10s %s%n",
                    stage == 0 ? "canary" : "stage " + stage, kiosk.path("siteId").asText(), kiosk.path("deviceId").asText(),
                    kiosk.path("step").asText(), kiosk.path("runningVersion").asText("-"),
                    kiosk.path("problem").isTextual() ? kiosk.path("problem").asText() + ": " + kiosk.path("detail").asText("") : ""));
        }
        return text.toString();
    }

    /** Uploads a release as the page's form does (multipart {@code bundle} and {@code signature}). */
    private JsonNode upload(Path bundle, Path signature, int expected) {
        String boundary = "ssc-" + java.util.UUID.randomUUID();
        try {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (Map.Entry<String, Path> part : Map.of("bundle", bundle, "signature", signature).entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                        + part.getValue().getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(Files.readAllBytes(part.getValue()));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/updates/releases"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                throw new IllegalStateException("uploading " + bundle.getFileName() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MeasurementRecord grip(String member) {
        return MeasurementRecord.of(member, MeasurementCode.GRIP_STRENGTH, new BigDecimal("22.5"), OffsetDateTime.now(),
                Map.of());
    }

    private JsonNode awaitFleet(String what, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode fleet = null;
        while (Instant.now().isBefore(deadline)) {
            fleet = send("GET", "/api/fleet", null, 200);
            if (done.test(fleet)) {
                return fleet;
            }
            try {
                Thread.sleep(STATUS_EVERY.toMillis() / 2); // polling a server from a command-line tool
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the fleet never showed " + what + ":\n" + summary(fleet));
    }

    /** The device of the fleet with this id, or null. */
    public static JsonNode device(JsonNode fleet, String deviceId) {
        for (JsonNode wave : fleet.path("waves")) {
            for (JsonNode site : wave.path("sites")) {
                for (JsonNode device : site.path("devices")) {
                    if (deviceId.equals(device.path("deviceId").asText())) {
                        return device;
                    }
                }
            }
        }
        return null;
    }

    /** Whether the fleet names this problem for the device. */
    public static boolean has(JsonNode fleet, String deviceId, String code, String severity) {
        JsonNode device = device(fleet, deviceId);
        if (device == null) {
            return false;
        }
        for (JsonNode problem : device.path("problems")) {
            if (code.equals(problem.path("code").asText()) && severity.equals(problem.path("severity").asText())) {
                return true;
            }
        }
        return false;
    }

    /** One line per site: wave, site, device, state, outbox, problems. */
    public static String summary(JsonNode fleet) {
        if (fleet == null) {
            return "(no answer)";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode wave : fleet.path("waves")) {
            for (JsonNode site : wave.path("sites")) {
                for (JsonNode device : site.path("devices")) {
                    List<String> problems = new ArrayList<>();
                    device.path("problems").forEach(p -> problems.add(p.path("severity").asText() + " "
                            + p.path("code").asText() + " since " + p.path("since").asText() + ": " + p.path("detail").asText()));
                    text.append(String.format(Locale.ROOT, "wave %s  %-8s %-14s %-8s outbox %-4s %s%n",
                            wave.path("wave").asText("-"), site.path("siteId").asText(), device.path("deviceId").asText(),
                            device.path("revoked").asBoolean() ? "revoked" : device.path("state").asText(),
                            device.path("status").path("outbox").asText("-"),
                            problems.isEmpty() ? "ok" : String.join("; ", problems)));
                }
            }
        }
        return text.toString();
    }

    private JsonNode send(String method, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops every simulated kiosk (each says goodbye with its offline status). */
    @Override
    public void close() {
        recorder.shutdownNow();
        kiosks.values().forEach(Kiosk::close);
        kiosks.clear();
    }
}
