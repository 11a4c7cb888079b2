package kr.smartsenior.edge.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.smartsenior.edge.ui.views.Screen.Line;
import org.junit.jupiter.api.Test;

/** The summary in pages (decision 0025): what each page holds and what a tap or a pad does there. */
class SummaryPagesTest {

    @Test
    void theServersLongestPrescriptionGoesInPagesWithNothingLeftOut() {
        List<Line> lines = kr.smartsenior.edge.ui.views.ScreenWording.prescription(ScreenGallery.prescription("every-restriction"));
        Screen.Summary summary = new Screen.Summary("김순자", ScreenGallery.worstResults(), lines, true);
        assertThat(summary.pages()).isGreaterThan(2);
        assertThat(summary.allPages().getFirst().title()).isEqualTo("오늘 측정");
        assertThat(summary.allPages().stream().skip(1).flatMap(page -> page.lines().stream()).toList())
                .as("every sentence once, in order").isEqualTo(lines);
        for (Screen.Page page : summary.allPages().subList(1, summary.pages())) {
            assertThat(page.lines().stream().mapToInt(line -> Screen.Summary.rows(line.text())).sum())
                    .isLessThanOrEqualTo(Screen.Summary.ROWS_PER_PAGE);
        }
    }

    @Test
    void thePadTurnsThePageUntilTheLastWhereItFinishesAndTheWayOutIsOfferedOnEveryPage() {
        List<Line> twelve = ScreenGallery.worstCase().stream().map(ScreenGallery.Example::screen)
                .filter(Screen.Summary.class::isInstance).map(Screen.Summary.class::cast).findFirst().orElseThrow().prescription();
        Screen.Summary first = new Screen.Summary("김순자", ScreenGallery.worstResults(), twelve, false);
        assertThat(first.padAction()).contains(Action.NEXT_PAGE);
        assertThat(first.offers(Action.PREVIOUS_PAGE)).isFalse();
        Screen.Summary last = first.turned(first.pages() - 1);
        assertThat(last.page()).isEqualTo(first.pages() - 1);
        assertThat(last.padAction()).contains(Action.FINISH);
        assertThat(last.offers(Action.NEXT_PAGE)).isFalse();
        assertThat(last.turned(5).page()).as("held at the last page").isEqualTo(last.page());
        assertThat(first.turned(-1).page()).isZero();
        for (int page = 0; page < first.pages(); page++) {
            assertThat(first.turned(page).offers(Action.FINISH)).isTrue();
            assertThat(first.turned(page).offers(Action.HOME)).isTrue();
        }
        assertThat(first.turned(1).offers(Action.PREVIOUS_PAGE)).isTrue();
    }

    @Test
    void aShortSummaryWithoutAPrescriptionIsOnePageAndThePadFinishes() {
        Screen.Summary summary = new Screen.Summary("박영수", ScreenWording.todaysResults(List.of()),
                ScreenWording.prescription(kr.smartsenior.protocol.KioskPrescription.NONE), false);
        assertThat(summary.pages()).isEqualTo(2);
        Screen.Summary alone = new Screen.Summary("박영수", ScreenWording.todaysResults(List.of()), List.of(), false);
        assertThat(alone.pages()).isEqualTo(1);
        assertThat(alone.padAction()).contains(Action.FINISH);
    }
}
