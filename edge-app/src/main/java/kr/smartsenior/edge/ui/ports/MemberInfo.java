package kr.smartsenior.edge.ui.ports;

import java.util.Map;

/** What the kiosk knows offline about a member beyond the card: the current exercise prescription. */
public interface MemberInfo {

    /**
     * The member's current prescription: the roster entry's {@code prescription} map (docs/protocol.md,
     * "Roster"). When it has {@code lines}, the summary shows those sentences and the exercise screens
     * read its {@code programs} and {@code restrictions}; any other map is shown entry by entry, the
     * key as its label and the value as its text, in the map's order (a list value joined with ", ").
     * An empty map means the server has none yet: "처방 준비 중", and no exercise program is offered.
     * Never null; unknown members get an empty map. Called on the
     * controller's thread; must not block for long (read the cached roster).
     */
    Map<String, Object> prescription(String memberId);
}
