package kr.smartsenior.server.member;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A senior withdraws consent (개인정보 보호법 제37조, 파기 제21조; docs/retention-ko.md): in one
 * transaction their results move to a new anonymous member row and their own row is deleted.
 *
 * <p>The anonymous row is built from an allow list, {@link #KEPT}: the site, sex and the decade of
 * birth (for age-band statistics), nothing else. Every other column of {@code member} (name, exact
 * birth year, height, weight, consent, and any personal column added later such as a phone or a
 * guardian) is simply not copied, so it is destroyed with the deleted row. The new id is random and
 * recorded nowhere else, so the results have no link back to the person: the audit log keeps the
 * old id (who read whose data must stay provable), the results only the new one.
 *
 * <p>{@link #RESULT_TABLES} are the tables whose rows point at a member; a feature that adds one
 * adds it here (otherwise the delete fails on the foreign key and nothing changes). Free text staff
 * wrote about the senior ({@link #FREE_TEXT}) is cleared, since it may name them. The alert inbox's
 * rows about the senior ({@link #CARE_TABLES}: alerts and what staff did about them, notes included)
 * are about caring for that person, not results: they are deleted.
 */
@Component
final class ConsentWithdrawal {

    /** What the anonymous row keeps of the member (besides its own new id and the flag). */
    static final List<String> KEPT = List.of("site_id", "sex", "birth_year (decade)");
    /** Tables with a {@code member_id} that are kept, re-pointed to the anonymous row. */
    static final List<String> RESULT_TABLES = List.of("measurement", "screening", "screening_clearance",
            "prescription");
    /** Tables about the person's care, deleted with them: each as "table: its rows of the member". */
    static final List<String> CARE_TABLES = List.of(
            "alert_action: alert_id IN (SELECT id FROM alert WHERE member_id = ?)",
            "alert: member_id = ?");
    /** Columns of those tables that staff type freely and may name the senior: cleared. */
    static final List<String> FREE_TEXT = List.of("screening.note");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ConsentWithdrawal(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** What remains: the site the member was at (for its roster); empty when there is no such member. */
    record Withdrawn(String siteId) {
    }

    Optional<Withdrawn> withdraw(String memberId) {
        return tx.execute(status -> {
            Optional<String[]> row = jdbc.sql("SELECT site_id, sex, birth_year FROM member WHERE id = ? AND anonymised = 0")
                    .param(memberId)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .optional();
            if (row.isEmpty()) {
                return Optional.<Withdrawn>empty();
            }
            String siteId = row.get()[0];
            int decade = Integer.parseInt(row.get()[2]) / 10 * 10;
            String anonymous = freshId();
            jdbc.sql("""
                    INSERT INTO member (id, site_id, display_name, birth_year, sex, card_version, created_at, anonymised)
                    VALUES (?, ?, '', ?, ?, 0, ?, 1)""")
                    .params(anonymous, siteId, decade, row.get()[1], decade + "-01-01T00:00:00Z")
                    .update();
            for (String rows : CARE_TABLES) {
                String[] parts = rows.split(": ", 2);
                jdbc.sql("DELETE FROM " + parts[0] + " WHERE " + parts[1]).param(memberId).update();
            }
            for (String table : RESULT_TABLES) {
                jdbc.sql("UPDATE " + table + " SET member_id = ? WHERE member_id = ?").params(anonymous, memberId).update();
            }
            for (String column : FREE_TEXT) {
                String[] parts = column.split("\\.");
                jdbc.sql("UPDATE " + parts[0] + " SET " + parts[1] + " = NULL WHERE member_id = ?").param(anonymous)
                        .update();
            }
            jdbc.sql("DELETE FROM member WHERE id = ?").param(memberId).update();
            return Optional.of(new Withdrawn(siteId));
        });
    }

    private String freshId() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String id = MemberIds.next();
            if (jdbc.sql("SELECT COUNT(*) FROM member WHERE id = ?").param(id).query(Long.class).single() == 0) {
                return id;
            }
        }
        throw new IllegalStateException("no free member id after 5 attempts");
    }
}
