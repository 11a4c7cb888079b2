package kr.smartsenior.server.config;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Builds the connection pool for the two supported databases: a SQLite file (the zero-install
 * default) or PostgreSQL. Public so tests can open the same kind of pool the server uses.
 */
public final class DataSources {

    /** The SQLite file used when no database URL is set. */
    public static final String SQLITE_FILE = "ssc-server.db";

    private DataSources() {
    }

    /** The pool for these settings: SQLite under {@code dataDir} when no URL is set. */
    public static HikariDataSource create(SscProperties.Db db, Path dataDir) {
        if (db.url() == null) {
            return sqlite(dataDir.resolve(SQLITE_FILE));
        }
        if (db.url().startsWith("jdbc:sqlite:")) {
            return sqliteUrl(db.url());
        }
        if (db.url().startsWith("jdbc:postgresql:")) {
            return postgres(db.url(), db.user(), db.password());
        }
        throw new IllegalArgumentException("SSC_DB_URL must be a jdbc:postgresql: or jdbc:sqlite: URL (or unset for"
                + " the SQLite default), not " + db.url().replaceAll("password=[^&]*", "password=***"));
    }

    /** A SQLite file, its folder created if needed: WAL journal, 5 s busy timeout, foreign keys on. */
    public static HikariDataSource sqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
                ownerOnly(parent); // it will hold health data
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory for " + file, e);
        }
        return sqliteUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static void ownerOnly(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static HikariDataSource sqliteUrl(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("ssc-sqlite");
        pool.setJdbcUrl(url);
        pool.setDriverClassName("org.sqlite.JDBC");
        // SQLite has one writer at a time: a few connections are plenty.
        pool.setMaximumPoolSize(4);
        pool.addDataSourceProperty("journal_mode", "WAL");
        pool.addDataSourceProperty("busy_timeout", "5000");
        pool.addDataSourceProperty("foreign_keys", "true");
        // Acks go out after commit: a committed record must survive a power cut.
        pool.addDataSourceProperty("synchronous", "FULL");
        // Take the write lock at BEGIN, so a transaction never fails half-way on a busy snapshot.
        pool.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        return pool;
    }

    /** A PostgreSQL pool; user and password may also be in the URL. */
    public static HikariDataSource postgres(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("ssc-postgresql");
        pool.setJdbcUrl(url);
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setMaximumPoolSize(10);
        if (user != null) {
            pool.setUsername(user);
        }
        if (password != null) {
            pool.setPassword(password);
        }
        return pool;
    }
}
