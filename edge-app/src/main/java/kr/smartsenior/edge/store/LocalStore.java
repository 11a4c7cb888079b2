package kr.smartsenior.edge.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import kr.smartsenior.protocol.ProtocolCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The kiosk's SQLite file, {@code ${dataDir}/kiosk.db}: one connection, guarded by a lock, shared by
 * the outbox, the roster cache and the days members said they were unwell.
 *
 * <p>WAL with {@code synchronous=FULL}: every committed transaction is on disk before the call
 * returns, so a result the senior saw saved survives a power cut. The schema version lives in the
 * {@code user_version} pragma; a file from a newer kiosk is refused rather than misread.
 */
public final class LocalStore implements AutoCloseable {

    public static final String FILE_NAME = "kiosk.db";
    /** How long a statement waits for another process (a staff member's sqlite3 shell) to let go. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    static final int SCHEMA_VERSION = 3;

    private static final Logger log = LoggerFactory.getLogger(LocalStore.class);

    private static final String[] SCHEMA_V1 = {
        """
        CREATE TABLE outbox (
            seq             INTEGER PRIMARY KEY,
            id              TEXT    NOT NULL UNIQUE,
            json            TEXT    NOT NULL,
            appended_at     INTEGER NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL
        )""",
        "CREATE INDEX outbox_next_attempt ON outbox (next_attempt_at)",
        """
        CREATE TABLE rejected (
            seq         INTEGER PRIMARY KEY,
            id          TEXT    NOT NULL,
            json        TEXT    NOT NULL,
            reason      TEXT    NOT NULL,
            rejected_at INTEGER NOT NULL
        )""",
    };

    /** Version 2: the last roster received, so cards can be checked offline after a restart. */
    private static final String[] SCHEMA_V2 = {
        """
        CREATE TABLE roster (
            site_id   TEXT    PRIMARY KEY,
            version   INTEGER NOT NULL,
            json      TEXT    NOT NULL,
            saved_at  INTEGER NOT NULL
        )""",
    };

    /**
     * Version 3: the days members said they were unwell, so that the kiosk offers them no test and no
     * exercise for the rest of that day, after a restart too.
     */
    private static final String[] SCHEMA_V3 = {
        """
        CREATE TABLE unwell_day (
            member_id TEXT NOT NULL,
            day       TEXT NOT NULL,
            PRIMARY KEY (member_id, day)
        )""",
    };

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final SqliteOutbox outbox;
    private final SqliteRosterCache rosterCache;
    private final UnwellDayStore unwellDays;
    private boolean closed;

    private LocalStore(Path file, Connection connection, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.outbox = new SqliteOutbox(this, new ProtocolCodec(), clock);
        this.rosterCache = new SqliteRosterCache(this, clock);
        this.unwellDays = new UnwellDayStore(this);
    }

    /** Opens (creating if needed) {@code kiosk.db} in the data directory. */
    public static LocalStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps appends and rejections. */
    public static LocalStore open(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + dataDir.toAbsolutePath(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(Math.toIntExact(DEFAULT_BUSY_TIMEOUT.toMillis()));
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file);
            checkJournalMode(connection, file);
            migrate(connection, file);
            return new LocalStore(file, connection, clock);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof StoreException known) {
                throw known;
            }
            throw new StoreException("cannot open " + file, e);
        }
    }

    /** The outbox kept in this file. */
    public Outbox outbox() {
        return outbox;
    }

    /** The roster cache kept in this file. */
    public RosterCache rosterCache() {
        return rosterCache;
    }

    /** The days members said they were unwell, kept in this file. */
    public UnwellDayStore unwellDays() {
        return unwellDays;
    }

    /** Where the file is. */
    public Path file() {
        return file;
    }

    /** Closes the connection; later calls fail with {@link StoreException}. Safe to call twice. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work on the connection under the lock, in auto-commit mode. */
    <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database error on " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work as one transaction: committed (and on disk) when this returns, rolled back on failure. */
    <T> T write(SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error on " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreException("the local store " + file + " is closed");
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed on {}: {}", file, e.getMessage());
        }
    }

    private static void checkJournalMode(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            String actual = mode.next() ? mode.getString(1) : "unknown";
            if (!"wal".equalsIgnoreCase(actual)) {
                log.warn("{} runs in journal mode {} instead of WAL (file system without shared memory?)", file, actual);
            }
        }
    }

    private static void migrate(Connection connection, Path file) throws SQLException {
        int version;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            version = result.next() ? result.getInt(1) : 0;
        }
        if (version == SCHEMA_VERSION) {
            return;
        }
        if (version > SCHEMA_VERSION) {
            throw new StoreException(file + " has schema version " + version + ", newer than this kiosk's "
                    + SCHEMA_VERSION + "; update the kiosk software instead of downgrading it");
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (version < 1) {
                for (String ddl : SCHEMA_V1) {
                    statement.execute(ddl);
                }
            }
            if (version < 2) {
                for (String ddl : SCHEMA_V2) {
                    statement.execute(ddl);
                }
            }
            if (version < 3) {
                for (String ddl : SCHEMA_V3) {
                    statement.execute(ddl);
                }
            }
            statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            connection.commit();
            log.info("{} the local store {} (schema {})", version == 0 ? "created" : "upgraded", file, SCHEMA_VERSION);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing a connection that failed to open: {}", e.getMessage());
        }
    }

    /** Database work that may throw {@link SQLException}; the store wraps it. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
