package kr.smartsenior.server.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.server.web.ConflictException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sites in the database. Public for {@link #exists}, {@link #find} and {@link #all}, which other features ask. */
@Component
public final class SiteRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HOURS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, name, created_at, address, opening_hours, rollout_wave";
    private static final String READ = COLUMNS + ", closed_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    SiteRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(String siteId) {
        return jdbc.sql("SELECT COUNT(*) FROM site WHERE id = ?").param(siteId).query(Long.class).single() > 0;
    }

    /** The site with this id, if there is one. */
    public Optional<Site> find(String siteId) {
        return jdbc.sql("SELECT " + READ + " FROM site WHERE id = ?").param(siteId).query(SiteRepository::site).optional();
    }

    /** The site's name, or empty when there is no such site. */
    public Optional<String> name(String siteId) {
        return jdbc.sql("SELECT name FROM site WHERE id = ?").param(siteId).query(String.class).optional();
    }

    /** Every site's id, in order. */
    public List<String> ids() {
        return jdbc.sql("SELECT id FROM site ORDER BY id").query(String.class).list();
    }

    /** The last roster version taken for a site (another server instance may have taken it); empty: no such site. */
    public Optional<Long> rosterVersion(String siteId) {
        return jdbc.sql("SELECT roster_version FROM site WHERE id = ?").param(siteId).query(Long.class).optional();
    }

    /**
     * Takes the next roster version of a site: one more than the last, and never less than
     * {@code floor} (the clock in milliseconds), so versions keep rising even after the database is
     * restored from an older backup. Empty when there is no such site.
     */
    public Optional<Long> nextRosterVersion(String siteId, long floor) {
        int changed = jdbc.sql("""
                UPDATE site SET roster_version = CASE WHEN roster_version + 1 > ? THEN roster_version + 1 ELSE ? END
                WHERE id = ?""")
                .params(floor, floor, siteId)
                .update();
        if (changed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT roster_version FROM site WHERE id = ?").param(siteId).query(Long.class).optional();
    }

    Site create(String id, String name) {
        return create(id, name, null, null, null);
    }

    Site create(String id, String name, String address, OpeningHours hours, Integer wave) {
        Map<String, String> hoursMap = hours == null ? null : hours.asMap();
        Site site = new Site(id, name,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)),
                address, hoursMap, wave);
        if (exists(id)) {
            throw new ConflictException("site " + id + " already exists");
        }
        try {
            jdbc.sql("INSERT INTO site (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                    .params(site.id(), site.name(), site.createdAt(), address, hoursMap == null ? null : json(hoursMap), wave)
                    .update();
        } catch (DataAccessException e) {
            if (exists(id)) { // created at the same moment by another request
                throw new ConflictException("site " + id + " already exists");
            }
            throw e;
        }
        return site;
    }

    /** Whether the site exists and is closed (takes no new seniors). */
    public boolean isClosed(String siteId) {
        return jdbc.sql("SELECT COUNT(*) FROM site WHERE id = ? AND closed_at IS NOT NULL").param(siteId)
                .query(Long.class).single() > 0;
    }

    /** Changes the name, address and opening hours (null: not set); false when there is no such site. */
    boolean update(String id, String name, String address, OpeningHours hours) {
        return jdbc.sql("UPDATE site SET name = ?, address = ?, opening_hours = ? WHERE id = ?")
                .params(name, address, hours == null ? null : json(hours.asMap()), id)
                .update() == 1;
    }

    /** Plans the site into a rollout wave (null: not planned); false when there is no such site. */
    boolean updateWave(String id, Integer wave) {
        return jdbc.sql("UPDATE site SET rollout_wave = ? WHERE id = ?").params(wave, id).update() == 1;
    }

    /** Closes (when {@code closed}) or reopens the site; false when there is no such site. */
    boolean close(String id, boolean closed) {
        String at = closed ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)) : null;
        return jdbc.sql(closed ? "UPDATE site SET closed_at = COALESCE(closed_at, ?) WHERE id = ?"
                : "UPDATE site SET closed_at = ? WHERE id = ?").params(at, id).update() == 1;
    }

    /** Every site, ordered by id. */
    public List<Site> all() {
        return jdbc.sql("SELECT " + READ + " FROM site ORDER BY id").query(SiteRepository::site).list();
    }

    private static Site site(ResultSet rs, int row) throws SQLException {
        String hours = rs.getString("opening_hours");
        int wave = rs.getInt("rollout_wave");
        boolean noWave = rs.wasNull();
        return new Site(rs.getString("id"), rs.getString("name"), rs.getString("created_at"), rs.getString("address"),
                hours == null ? null : readHours(hours), noWave ? null : wave, rs.getString("closed_at"));
    }

    private static Map<String, String> readHours(String text) {
        try {
            return JSON.readValue(text, HOURS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("opening_hours of a site is not the JSON this server writes", e);
        }
    }

    private static String json(Map<String, String> hours) {
        try {
            return JSON.writeValueAsString(hours);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
