package kr.smartsenior.edge.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.edge.identify.RosterBook;
import kr.smartsenior.edge.ui.ports.MemberInfo;
import kr.smartsenior.edge.ui.ports.StaffNotice;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;

/**
 * Who the simulation's test cards belong to and what they are prescribed: the kiosk's own roster
 * (the newest synced from the server, kept in the local store) whenever it has one, so the screens
 * greet a member by the name the server has and offer only what the server prescribed, exactly as
 * the real kiosk would. Only with no roster at all (a desktop without a server) does it fall back on
 * the canned examples of {@link SimulatedKiosk}, and then it says so on the idle and greeting screens
 * ({@link #EXAMPLES}), so nobody takes the examples for a member's data.
 *
 * <p>Read at each card and each screen: a roster that arrives while the simulation runs takes over.
 */
public final class SimulatedRoster implements MemberInfo, StaffNotice {

    /** The staff notice while the names and prescriptions are the canned examples. */
    public static final String EXAMPLES = "연습용 예시 데이터";
    /** The notice of a simulation that only ever has the canned examples ({@link SimulatedKiosk}). */
    static final StaffNotice EXAMPLE_DATA = new StaffNotice() {
        @Override
        public Optional<String> idle() {
            return Optional.of(EXAMPLES);
        }

        @Override
        public Optional<String> greeting() {
            return idle();
        }
    };
    /** Keys 1 to 3 show the cards. */
    static final int CARDS = 3;

    private final RosterBook roster;
    private final List<String> memberIds;
    private final List<SimulatedCards.Member> examples;
    private final Map<String, KioskPrescription> examplePrescriptions;

    /**
     * @param roster    the kiosk's roster ({@code kiosk.roster()}), or null for none
     * @param memberIds the members to show cards of first ({@code SSC_SIM_MEMBERS}); empty for the roster's
     *                  first members (or the default example members)
     */
    public SimulatedRoster(RosterBook roster, List<String> memberIds) {
        this.roster = roster;
        this.memberIds = List.copyOf(memberIds);
        List<String> ids = memberIds.isEmpty() ? SimulatedKiosk.DEFAULT_MEMBER_IDS : memberIds;
        List<SimulatedCards.Member> canned = new ArrayList<>();
        for (int i = 0; i < Math.min(ids.size(), SimulatedKiosk.NAMES.size()); i++) {
            canned.add(new SimulatedCards.Member(ids.get(i), SimulatedKiosk.NAMES.get(i)));
        }
        this.examples = List.copyOf(canned);
        this.examplePrescriptions = SimulatedKiosk.prescriptions(ids);
    }

    /** The roster in use, when there is one with members. */
    private Optional<Roster> synced() {
        return roster == null ? Optional.empty() : roster.current().filter(r -> !r.members().isEmpty());
    }

    /** Whether the cards and prescriptions are the canned examples (no roster). */
    public boolean examples() {
        return synced().isEmpty();
    }

    /**
     * The members with test cards, key 1 first: the given members that are on the roster, with the
     * roster's names (or, when none of them is, the roster's first members); the examples without a roster.
     */
    public List<SimulatedCards.Member> cards() {
        Optional<Roster> synced = synced();
        if (synced.isEmpty()) {
            return examples;
        }
        List<SimulatedCards.Member> cards = new ArrayList<>();
        for (String id : memberIds) {
            roster.member(id).ifPresent(entry -> cards.add(new SimulatedCards.Member(entry.memberId(), entry.displayName())));
        }
        if (cards.isEmpty()) {
            for (RosterEntry entry : synced.get().members()) {
                if (entry != null && entry.memberId() != null && entry.displayName() != null) {
                    cards.add(new SimulatedCards.Member(entry.memberId(), entry.displayName()));
                }
            }
        }
        return List.copyOf(cards.subList(0, Math.min(CARDS, cards.size())));
    }

    /** The roster's prescription (NONE when the member has none or is not on it); the examples' without a roster. */
    @Override
    public KioskPrescription prescription(String memberId) {
        if (synced().isPresent()) {
            return roster.member(memberId).map(RosterEntry::prescription).orElse(KioskPrescription.NONE);
        }
        return examplePrescriptions.getOrDefault(memberId, KioskPrescription.NONE);
    }

    /** The roster's cut-offs and latest results; none for the canned examples (no band without the server's). */
    @Override
    public kr.smartsenior.protocol.MemberResults results(String memberId) {
        if (synced().isPresent()) {
            return roster.member(memberId).map(RosterEntry::results).orElse(kr.smartsenior.protocol.MemberResults.NONE);
        }
        return kr.smartsenior.protocol.MemberResults.NONE;
    }

    @Override
    public Optional<String> idle() {
        return examples() ? Optional.of(EXAMPLES) : Optional.empty();
    }

    @Override
    public Optional<String> greeting() {
        return idle();
    }
}
