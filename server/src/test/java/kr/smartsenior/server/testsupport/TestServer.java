package kr.smartsenior.server.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.smartsenior.server.SmartSeniorServer;
import kr.smartsenior.server.mqtt.BrokerConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole server, started in-process on free ports, with a known admin password
 * ({@link #ADMIN_PASSWORD}). Settings are passed as command-line arguments named like the
 * environment variables ({@code --SSC_MQTT_PORT=0}), so they override whatever the machine has set.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.embedded()) {           // Moquette on a free port + SQLite
 *     server.api().createSite("ydp-01", "영등포 경로당");
 *     String broker = server.mqttUri();                         // tcp://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * Extra configuration classes (for example a {@code @Primary AckPublisher}) go in {@code sources}.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final ConfigurableApplicationContext context;
    private final List<Runnable> cleanups;
    private final String sharedGroup;

    private TestServer(ConfigurableApplicationContext context, List<Runnable> cleanups, String sharedGroup) {
        this.context = context;
        this.cleanups = cleanups;
        this.sharedGroup = sharedGroup;
    }

    /** Embedded broker on a free port, SQLite in a new temp folder (deleted on close). */
    public static TestServer embedded(Class<?>... sources) {
        Path dataDir = tempDir();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", "");
        return start(settings, List.of(() -> TestDatabase.deleteTree(dataDir)), sources);
    }

    /**
     * The machine's Mosquitto and a fresh PostgreSQL schema (dropped on close), with a shared-subscription
     * group of its own so parallel runs never take each other's messages. Skips the test when either
     * service is missing (see {@link RequiredServices}).
     */
    public static TestServer mosquittoPostgres(Class<?>... sources) {
        return mosquittoPostgres(Map.of(), sources);
    }

    /** Like {@link #mosquittoPostgres(Class[])}, with more settings (environment-variable names to values). */
    public static TestServer mosquittoPostgres(Map<String, String> extraSettings, Class<?>... sources) {
        RequiredServices.mosquittoOrSkip();
        RequiredServices.PostgresSchema schema = RequiredServices.freshPostgresSchema();
        Path dataDir = tempDir();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", RequiredServices.MOSQUITTO_URL);
        settings.put("SSC_MQTT_SHARED_GROUP", "it-" + UUID.randomUUID().toString().substring(0, 8));
        settings.put("SSC_DB_URL", schema.jdbcUrl());
        settings.putAll(extraSettings);
        return start(settings, List.of(schema::drop, () -> TestDatabase.deleteTree(dataDir)), sources);
    }

    /**
     * Starts with these settings (environment-variable names to values) on top of: a free HTTP port, the
     * admin password {@link #ADMIN_PASSWORD} and a short visit for prescriptions
     * (1 s quiet, 10 s at most). The cleanups run after the server stops.
     */
    public static TestServer start(Map<String, String> settings, List<Runnable> cleanups, Class<?>... sources) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("SSC_HTTP_PORT", "0");
        all.put("SSC_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // the test profile's visit: a prescription follows a second after the last result (at most 10 s)
        all.put("SSC_PRESCRIPTION_QUIET_PERIOD", "1s");
        all.put("SSC_PRESCRIPTION_MAX_DELAY", "10s");
        all.putAll(settings);
        List<String> args = new ArrayList<>();
        all.forEach((name, value) -> args.add("--" + name + "=" + value));
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(SmartSeniorServer.class)
                    .sources(sources)
                    .run(args.toArray(String[]::new));
            return new TestServer(context, cleanups, all.get("SSC_MQTT_SHARED_GROUP"));
        } catch (RuntimeException e) {
            cleanups.forEach(Runnable::run);
            throw e;
        }
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int httpPort() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort();
    }

    /** The broker the server uses (the embedded one's real port, or the external URL). */
    public String mqttUri() {
        return bean(BrokerConnection.class).serverUri();
    }

    /** The shared-subscription group, or null with the embedded broker. */
    public String sharedGroup() {
        return sharedGroup;
    }

    /** The HTTP API, signed in as {@code admin}. */
    public ServerApi api() {
        return new ServerApi(baseUrl(), "admin", ADMIN_PASSWORD);
    }

    /** Direct SQL on the server's database, for checks a test cannot make through the API. */
    public JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            cleanups.forEach(Runnable::run);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("ssc-server-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
