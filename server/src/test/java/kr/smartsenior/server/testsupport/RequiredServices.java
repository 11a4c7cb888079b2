package kr.smartsenior.server.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's real services for integration tests: PostgreSQL at 127.0.0.1:5432 (database
 * {@code test}, user {@code postgres}, trust auth) and Mosquitto at 127.0.0.1:1883 (anonymous).
 *
 * <p>When a service is unreachable the calling test is skipped (a JUnit assumption), unless the
 * environment variable {@code SSC_REQUIRE_SERVICES=1} is set: then it fails.
 */
public final class RequiredServices {

    /** The shared PostgreSQL database; give each run its own schema with {@link #freshPostgresSchema()}. */
    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    public static final String MOSQUITTO_HOST = "127.0.0.1";
    public static final int MOSQUITTO_PORT = 1883;
    /** The machine's Mosquitto, as a Paho URL. */
    public static final String MOSQUITTO_URL = "tcp://" + MOSQUITTO_HOST + ":" + MOSQUITTO_PORT;

    private static volatile String postgresProblem;
    private static volatile boolean postgresChecked;

    private RequiredServices() {
    }

    /** Whether {@code SSC_REQUIRE_SERVICES=1}: a missing service fails the test instead of skipping it. */
    public static boolean servicesRequired() {
        return "1".equals(System.getenv("SSC_REQUIRE_SERVICES"));
    }

    /** Skips (or, with {@code SSC_REQUIRE_SERVICES=1}, fails) the test unless PostgreSQL answers. */
    public static void postgresOrSkip() {
        if (!postgresChecked) {
            synchronized (RequiredServices.class) {
                if (!postgresChecked) {
                    postgresProblem = probePostgres();
                    postgresChecked = true;
                }
            }
        }
        missing("PostgreSQL at " + POSTGRES_URL, postgresProblem);
    }

    /** Skips (or, with {@code SSC_REQUIRE_SERVICES=1}, fails) the test unless Mosquitto accepts a connection. */
    public static void mosquittoOrSkip() {
        String problem = null;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(MOSQUITTO_HOST, MOSQUITTO_PORT), 2000);
        } catch (IOException e) {
            problem = e.toString();
        }
        missing("Mosquitto at " + MOSQUITTO_URL, problem);
    }

    /**
     * A new, empty PostgreSQL schema of its own ({@code it_<random>}), so runs never collide. Skips
     * the test when PostgreSQL is missing (see {@link #postgresOrSkip()}). Close it to drop the schema.
     */
    public static PostgresSchema freshPostgresSchema() {
        postgresOrSkip();
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name, e);
        }
        return new PostgresSchema(name, POSTGRES_URL + "&currentSchema=" + name);
    }

    /**
     * A named PostgreSQL schema ({@code it_<letters and digits>}) kept between runs: created if missing,
     * else used with what an earlier run left in it (a benchmark's generated data). Never dropped here.
     */
    public static PostgresSchema keptPostgresSchema(String name) {
        postgresOrSkip();
        if (!name.matches("it_[a-z0-9]+")) {
            throw new IllegalArgumentException("a kept schema is named it_ and lower-case letters or digits: " + name);
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name, e);
        }
        return new PostgresSchema(name, POSTGRES_URL + "&currentSchema=" + name);
    }

    /** Drops a schema made by {@link #freshPostgresSchema()}, with everything in it. */
    public static void dropPostgresSchema(String name) {
        if (!name.matches("it_[a-z0-9]+")) {
            throw new IllegalArgumentException("not a test schema: " + name);
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + name, e);
        }
    }

    private static String probePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL + "&connectTimeout=3")) {
            return connection.isValid(3) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void missing(String service, String problem) {
        if (problem == null) {
            return;
        }
        if (servicesRequired()) {
            fail(service + " is required (SSC_REQUIRE_SERVICES=1) but not reachable: " + problem);
        }
        Assumptions.abort(service + " not reachable, test skipped (set SSC_REQUIRE_SERVICES=1 to fail instead): "
                + problem);
    }

    /**
     * A PostgreSQL schema of one test run.
     *
     * @param name    the schema name, {@code it_<random>}
     * @param jdbcUrl a URL whose connections use that schema ({@code currentSchema=...})
     */
    public record PostgresSchema(String name, String jdbcUrl) implements AutoCloseable {

        /** Drops the schema and everything in it. */
        public void drop() {
            dropPostgresSchema(name);
        }

        @Override
        public void close() {
            drop();
        }
    }
}
