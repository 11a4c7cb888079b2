package kr.smartsenior.edge.store;

import java.util.Optional;

/**
 * The last roster the kiosk received, kept on disk so that cards can be checked offline, also after
 * a restart. Holds the roster's JSON as received; the identify feature reads and checks it.
 */
public interface RosterCache {

    /** The cached roster JSON of this site, if any. */
    Optional<String> load(String siteId);

    /**
     * Keeps this roster unless a newer (higher version) one is already kept. Committed to disk when it
     * returns.
     *
     * @return whether it was kept
     */
    boolean save(String siteId, long version, String json);
}
