package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.ScreenWording;
import kr.smartsenior.edge.ui.voice.SpeechComposer;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RecentResults;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.contract.ContractExamples;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's side of the roster's results (decision 0027): every example the server's real code writes
 * ({@code contract/member-results}, kept by the server's {@code MemberResultsContractTest}), decoded inside a
 * roster as the kiosk decodes one, gives 내 기록 a page per listed test that is said as shown, and the
 * roster's cut-offs band each of the server's own results as the server banded it.
 */
class MemberResultsOfferContractTest {

    static final String KIND = "member-results";

    private static MemberResults decoded(String name) {
        String roster = """
                {"siteId":"ydp-01","version":7,"issuedAt":"2026-11-21T09:00:00Z","members":[{"memberId":"M7K2Q9XD4T",
                 "displayName":"김순자","tokenHash":"00","cardVersion":1,"results":%s}]}"""
                .formatted(new String(ContractExamples.read(KIND, name), StandardCharsets.UTF_8));
        Decoded<Roster> decoded = new ProtocolCodec().decodeRoster(roster.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).as(name).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok<Roster>) decoded).value().members().getFirst().results();
    }

    @Test
    void thereAreExamples() {
        assertThat(ContractExamples.names(KIND)).contains("regular-visitor", "decline", "under-sixty");
    }

    @Test
    void everyListedTestGetsAPageSaidAsShown() {
        for (String name : ContractExamples.names(KIND)) {
            MemberResults results = decoded(name);
            List<Screen.Page> pages = ScreenWording.history(results);
            assertThat(pages).as(name).hasSize((int) results.recent().stream().filter(r -> !r.results().isEmpty()).count());
            for (Screen.Page page : pages) {
                assertThat(SpeechComposer.builtIn().compose(page.title())).as(name + ": " + page.title()).isPresent();
                assertThat(page.lines().size()).as(name).isLessThanOrEqualTo(RecentResults.MAX_RESULTS + 1);
                for (Screen.Line line : page.lines()) {
                    String said = line.label() + " " + line.text();
                    assertThat(SpeechComposer.builtIn().compose(said)).as(name + ": " + said).isPresent();
                }
            }
        }
    }

    @Test
    void theRostersCutOffsBandTheServersOwnResultsAsTheServerDid() {
        int compared = 0;
        for (String name : ContractExamples.names(KIND)) {
            MemberResults results = decoded(name);
            for (RecentResults recent : results.recent()) {
                for (RecentResults.Result result : recent.results()) {
                    var band = results.band(recent.code(), result.value(), recent.protocol(), result.day());
                    assertThat(band.orElse(null)).as(name + " " + recent.code() + " " + result).isEqualTo(result.band());
                    compared += band.isPresent() ? 1 : 0;
                }
            }
        }
        assertThat(compared).isGreaterThan(5);
    }
}
