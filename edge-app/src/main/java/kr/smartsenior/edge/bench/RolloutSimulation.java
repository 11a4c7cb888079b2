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
        if (positional.size() < 3) {
            System.err.println("usage: RolloutSimulation <server URL> <admin user> <admin password> [site prefix] [--hold]");
            System.exit(2);
        }
        String prefix = positional.size() > 3 ? positional.get(3) : "sim";
        Path work = Files.createTempDirectory("ssc-rollout-");
        try (RolloutSimulation simulation = new RolloutSimulation(positional.get(0), positional.get(1), positional.get(2),
                prefix, work)) {
            Result result = simulation.run();
            System.out.println("== all healthy ==");
            System.out.println(summary(result.healthy()));
            System.out.println("== after stopping " + result.stoppedDevice() + ", pausing the uploads of "
                    + result.backlogDevice() + " and failing a sensor of " + result.sensorDevice() + " ==");
            System.out.println(summary(result.broken()));
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.broken().get("summary")));
            if (hold) { // the kiosks keep running (and the broken ones stay broken) until the process is stopped
                System.out.println("The kiosks keep running: look at " + positional.get(0) + "/fleet; Ctrl-C stops.");
                System.out.flush();
                new java.util.concurrent.CountDownLatch(1).await();
            }
        }
    }

    /** Runs the whole rollout and the breaks; returns the two views of the fleet. */
    public Result run() {
        List<String> deviceIds = new ArrayList<>();
        int number = 0;
        for (int wave = 1; wave <= WAVES.length; wave++) {
            for (int i = 0; i < WAVES[wave - 1]; i++) {
                number++;
                deviceIds.add(rollOut(wave, number));
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
        Kiosk kiosk = Kiosk.start(settings);
        kiosks.put(deviceId, kiosk);
        members.put(deviceId, member);
        kiosk.reportSensors(Map.of("stepMat", "ok", "distance", "ok"));
        kiosk.record(grip(member));
        kiosk.record(MeasurementRecord.of(member, MeasurementCode.CHAIR_STAND_30S, BigDecimal.valueOf(12),
                OffsetDateTime.now(), Map.of()));
        return deviceId;
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
