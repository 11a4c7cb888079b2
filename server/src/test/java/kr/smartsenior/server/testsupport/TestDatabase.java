package kr.smartsenior.server.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import kr.smartsenior.server.config.DataSources;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Named;

/**
 * A migrated, empty database for one test: a SQLite file in a temp folder or a fresh PostgreSQL
 * schema, opened with the same pool settings as the server. Close it to delete the file or drop the
 * schema. For repository tests that must pass on both:
 * {@code @ParameterizedTest @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")}.
 */
public final class TestDatabase implements AutoCloseable {

    private final String kind;
    private final String jdbcUrl;
    private final HikariDataSource pool;
    private final Runnable cleanup;

    private TestDatabase(String kind, String jdbcUrl, HikariDataSource pool, Runnable cleanup) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.pool = pool;
        this.cleanup = cleanup;
        // as the server's spring.flyway.locations, with {vendor} as Spring Boot resolves it
        Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/vendor/" + kind)
                .load().migrate();
    }

    /** A SQLite file in a new temp folder. */
    public static TestDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("ssc-db-");
            Path file = dir.resolve(DataSources.SQLITE_FILE);
            return new TestDatabase("sqlite", "jdbc:sqlite:" + file, DataSources.sqlite(file), () -> deleteTree(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh PostgreSQL schema; skips the test if PostgreSQL is missing (see {@link RequiredServices}). */
    public static TestDatabase postgres() {
        RequiredServices.PostgresSchema schema = RequiredServices.freshPostgresSchema();
        return new TestDatabase("postgresql", schema.jdbcUrl(), DataSources.postgres(schema.jdbcUrl(), null, null),
                schema::drop);
    }

    /** Both kinds, lazily, for {@code @MethodSource}: the PostgreSQL one skips itself when there is none. */
    public static Stream<Named<Supplier<TestDatabase>>> both() {
        return Stream.of(Named.of("sqlite", TestDatabase::sqlite), Named.of("postgresql", TestDatabase::postgres));
    }

    public DataSource dataSource() {
        return pool;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String kind() {
        return kind;
    }

    @Override
    public void close() {
        pool.close();
        cleanup.run();
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
