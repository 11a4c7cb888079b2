package kr.smartsenior.edge.simulate;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kr.smartsenior.edge.ui.ports.CardEvents;

/** Test cards shown on command (a key in simulation, a test's call), as the QR reader would report them. */
public final class SimulatedCards implements CardEvents {

    /** A member with a test card. */
    public record Member(String memberId, String displayName) {
    }

    private final Supplier<List<Member>> members;
    private volatile Consumer<CardEvent> listener = event -> { };

    public SimulatedCards(List<Member> members) {
        List<Member> fixed = List.copyOf(members);
        this.members = () -> fixed;
    }

    /** Cards of whoever {@code members} names at the moment a card is shown (the kiosk's roster, as it is synced). */
    public SimulatedCards(Supplier<List<Member>> members) {
        this.members = members;
    }

    @Override
    public void start(Consumer<CardEvent> listener) {
        this.listener = listener;
    }

    /** Shows the test card of the n-th member (1 and up); nothing if there is no such member. */
    public void show(int n) {
        List<Member> now = members.get();
        if (n >= 1 && n <= now.size()) {
            Member member = now.get(n - 1);
            listener.accept(new CardEvent.Identified(member.memberId(), member.displayName()));
        }
    }

    public void showUnknown() {
        listener.accept(new CardEvent.Refused(Refusal.UNKNOWN_CARD, "등록되지 않은 카드예요. 담당 선생님께 말씀해 주세요."));
    }

    public void showRevoked() {
        listener.accept(new CardEvent.Refused(Refusal.REVOKED_CARD, "지금은 쓰지 않는 카드예요. 새 카드를 받아 주세요."));
    }

    public void showForeign() {
        listener.accept(new CardEvent.Refused(Refusal.NOT_A_MEMBER_CARD, "경로당 카드가 아니에요. 본인 카드를 보여 주세요."));
    }

    public List<Member> members() {
        return members.get();
    }
}
