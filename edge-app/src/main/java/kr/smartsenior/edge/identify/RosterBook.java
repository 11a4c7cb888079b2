package kr.smartsenior.edge.identify;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.edge.store.RosterCache;
import kr.smartsenior.edge.store.StoreException;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's current roster: the newest one received for its site, kept in memory for checking
 * cards and on disk ({@link RosterCache}) so it survives a restart. Rosters arrive as MQTT payloads;
 * a malformed one, one for another site, or one not newer than what the kiosk has is logged and
 * ignored, so an older roster never replaces a newer one.
 *
 * <p>Thread-safe: {@link #offer} only hands the payload to the book's own thread and returns;
 * readers always see one whole roster.
 */
public final class RosterBook implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RosterBook.class);
    private static final int QUEUE = 16;

    private final String siteId;
    private final RosterCache cache;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofPlatform().name("ssc-roster").daemon().factory(),
            new ThreadPoolExecutor.DiscardOldestPolicy());
    private volatile Snapshot current;

    private RosterBook(String siteId, RosterCache cache) {
        this.siteId = siteId;
        this.cache = cache;
    }

    /** The book of this site, starting from the roster cached on disk (if there is one). */
    public static RosterBook open(String siteId, RosterCache cache) {
        RosterBook book = new RosterBook(siteId, cache);
        try {
            cache.load(siteId).ifPresent(json -> {
                Optional<Snapshot> cached = book.read(json.getBytes(StandardCharsets.UTF_8), "the local store");
                cached.ifPresent(snapshot -> {
                    book.current = snapshot;
                    log.info("roster {} of {} loaded from the local store: {} members", snapshot.roster().version(),
                            siteId, snapshot.roster().members().size());
                });
            });
        } catch (StoreException e) {
            log.warn("cannot read the cached roster ({}); waiting for the server's", e.getMessage());
        }
        return book;
    }

    /** A roster payload from MQTT: checked and kept on the book's own thread. Never blocks, never throws. */
    public void offer(byte[] payload) {
        try {
            worker.execute(() -> accept(payload));
        } catch (RuntimeException e) {
            log.debug("roster book closed; dropping a roster");
        }
    }

    /**
     * Checks a roster payload and makes it current if it is newer; returns whether it did. Runs on the
     * caller's thread (tests, and {@link #offer}'s worker).
     */
    boolean accept(byte[] payload) {
        Optional<Snapshot> read = read(payload, "the broker");
        if (read.isEmpty()) {
            return false;
        }
        Snapshot next = read.get();
        synchronized (this) {
            Snapshot now = current;
            if (now != null && next.roster().version() <= now.roster().version()) {
                if (next.roster().version() < now.roster().version()) {
                    log.warn("ignored roster {} of {}: older than the one in use ({})", next.roster().version(), siteId,
                            now.roster().version());
                }
                return false;
            }
            try {
                cache.save(siteId, next.roster().version(), new String(payload, StandardCharsets.UTF_8));
            } catch (StoreException e) {
                log.warn("roster {} not saved to the local store ({}); in use until the kiosk restarts",
                        next.roster().version(), e.getMessage());
            }
            current = next;
        }
        log.info("roster {} of {} in use: {} members", next.roster().version(), siteId, next.roster().members().size());
        return true;
    }

    private Optional<Snapshot> read(byte[] payload, String from) {
        Decoded<Roster> decoded = codec.decodeRoster(payload);
        if (decoded instanceof Decoded.Malformed<Roster>(String reason)) {
            log.warn("ignored a malformed roster from {}: {}", from, reason);
            return Optional.empty();
        }
        Roster roster = ((Decoded.Ok<Roster>) decoded).value();
        if (!siteId.equals(roster.siteId())) {
            log.warn("ignored a roster from {} for site {}, not this kiosk's {}", from, printable(roster.siteId()), siteId);
            return Optional.empty();
        }
        Map<String, RosterEntry> byMember = new HashMap<>();
        int skipped = 0;
        for (RosterEntry entry : roster.members()) {
            if (entry == null || entry.memberId() == null || entry.tokenHash() == null || entry.displayName() == null) {
                skipped++;
                continue;
            }
            byMember.put(entry.memberId(), entry);
        }
        if (skipped > 0) {
            log.warn("roster {} of {}: {} incomplete entries left out", roster.version(), siteId, skipped);
        }
        return Optional.of(new Snapshot(roster, Map.copyOf(byMember)));
    }

    /** The roster in use, if the kiosk has one. */
    public Optional<Roster> current() {
        Snapshot now = current;
        return now == null ? Optional.empty() : Optional.of(now.roster());
    }

    /** This member's entry in the roster in use; empty when unknown here or before the first roster. */
    public Optional<RosterEntry> member(String memberId) {
        Snapshot now = current;
        return now == null || memberId == null ? Optional.empty() : now.entry(memberId);
    }

    /** The site this book is for. */
    public String siteId() {
        return siteId;
    }

    Snapshot snapshot() {
        return current;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static String printable(String text) {
        return text == null ? "?" : text.replaceAll("[^a-z0-9-]", "?");
    }

    /** One roster and its entries by member id. */
    record Snapshot(Roster roster, Map<String, RosterEntry> byMember) {

        Optional<RosterEntry> entry(String memberId) {
            return Optional.ofNullable(byMember.get(memberId));
        }

        static String normalizedHash(String hash) {
            return hash.toLowerCase(Locale.ROOT);
        }
    }
}
