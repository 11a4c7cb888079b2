package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.ScreenWording;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.edge.ui.voice.Utterance;
import kr.smartsenior.protocol.BandCutoffs;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.RecentResults;
import kr.smartsenior.protocol.ResultBand;
import org.junit.jupiter.api.Test;

/**
 * The result screen gives the band the server will give (the roster's cut-offs, decision 0027), shown in
 * words and said; without cut-offs it says only "기록했어요". 내 기록 pages through the roster's latest results.
 */
class ResultBandJourneyTest extends JourneyFixture {

    private static final int YEAR = LocalDate.now(KioskUi.SEOUL).getYear();

    /** Cut-offs for the chair stand that put every simulated count (8-20) in one band. */
    private void chairCutoffs(int year, String protocol, String withinAt, String aboveAt) {
        members.results(MEMBER, new MemberResults(year, List.of(new BandCutoffs(MeasurementCode.CHAIR_STAND_30S,
                protocol, false, new BigDecimal(withinAt), aboveAt == null ? null : new BigDecimal(aboveAt), null)),
                List.of()));
    }

    private Screen.Result firstResult() {
        greetedAtHome();
        measure();
        walkOneTest(false);
        Screen.Result result = awaitScreen(Screen.Result.class);
        assertThat(result.test()).isEqualTo(MeasurementCode.CHAIR_STAND_30S);
        return result;
    }

    @Test
    void belowTheUsualRangeIsSaidKindly() {
        chairCutoffs(YEAR, "chair-stand-30s/2", "100", null);
        assertThat(firstResult().grade()).isEqualTo(Grade.LOW);
        awaitSaid(said -> {
            assertThat(sink.prompts).last().isEqualTo(Prompt.RESULT_LOW);
            assertThat(said.text()).contains("조금 더 힘내요").doesNotContain("잘하셨어요");
        });
    }

    @Test
    void withinTheUsualRange() {
        chairCutoffs(YEAR, "chair-stand-30s/2", "0", "100");
        assertThat(firstResult().grade()).isEqualTo(Grade.FAIR);
        awaitSaid(said -> assertThat(said.text()).contains("보통이에요"));
        // through the battery: today's summary carries the same word, and no history after the battery
        Screen.Result result = awaitScreen(Screen.Result.class);
        while (!result.last()) {
            tap(Action.NEXT);
            walkOneTest(false);
            result = awaitScreen(Screen.Result.class);
        }
        tap(Action.NEXT);
        Screen.Summary summary = awaitScreen(Screen.Summary.class);
        assertThat(summary.afterBattery()).isTrue();
        assertThat(summary.results().getFirst().text()).endsWith(" · 보통이에요");
        assertThat(summary.results().subList(1, summary.results().size())).as("no cut-offs for the other tests")
                .allSatisfy(line -> assertThat(line.text()).doesNotContain(" · "));
    }

    @Test
    void aboveTheUsualRange() {
        chairCutoffs(YEAR, "chair-stand-30s/2", "0", "0");
        assertThat(firstResult().grade()).isEqualTo(Grade.GOOD);
        awaitSaid(said -> assertThat(said.text()).contains("좋아요!"));
    }

    @Test
    void noCutOffsAnotherProcedureOrAnotherYearGiveNoJudgementOnlyRecorded() {
        assertThat(firstResult().grade()).as("no cut-offs in the roster").isEqualTo(Grade.UNRATED);
        awaitSaid(said -> assertThat(sink.prompts).last().isEqualTo(Prompt.RESULT_UNRATED));
        assertThat(Prompt.RESULT_UNRATED.text()).isEqualTo("기록했어요.");
        assertThat(sink.utterances.getLast().text()).doesNotContain("잘하셨어요").doesNotContain("좋아요");
    }

    @Test
    void cutOffsForAnotherProcedureAreNotApplied() {
        chairCutoffs(YEAR, "chair-stand-30s/3", "100", null);
        assertThat(firstResult().grade()).as("a newer procedure's norm").isEqualTo(Grade.UNRATED);
    }

    @Test
    void cutOffsForAnotherYearAreNotApplied() {
        chairCutoffs(YEAR - 1, "chair-stand-30s/2", "100", null);
        assertThat(firstResult().grade()).as("last year's age").isEqualTo(Grade.UNRATED);
    }

    @Test
    void myRecordsPagesThroughTheRostersLatestResultsWithDatesBandsAndTrend() {
        members.results(MEMBER, new MemberResults(YEAR, List.of(), List.of(
                new RecentResults(MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s/2", RecentResults.Trend.IMPROVED,
                        List.of(new RecentResults.Result(LocalDate.of(YEAR, 9, 1), new BigDecimal("11"), ResultBand.BELOW),
                                new RecentResults.Result(LocalDate.of(YEAR, 11, 2), new BigDecimal("14"),
                                        ResultBand.WITHIN))),
                new RecentResults(MeasurementCode.ONE_LEG_STANCE, "one-leg-stance-supported/1",
                        RecentResults.Trend.NOT_CALLED,
                        List.of(new RecentResults.Result(LocalDate.of(YEAR, 6, 10), new BigDecimal("12.3"), null))))));
        greetedAtHome();
        tap(Action.RECORDS);
        Screen.Summary summary = awaitScreen(Screen.Summary.class);
        assertThat(summary.allPages()).extracting(Screen.Page::title).containsExactly("오늘 측정",
                "30초 의자에 앉았다 일어서기", "한 발로 서기", "운동 처방");
        tap(Action.NEXT_PAGE);
        Screen.Summary chair = await(1);
        assertThat(chair.allPages().get(1).lines()).containsExactly(new Screen.Line("9월 1일", "11번 · 조금 더 힘내요"),
                new Screen.Line("11월 2일", "14번 · 보통이에요"), new Screen.Line(ScreenWording.TREND_LABEL, "좋아지고 있어요"));
        awaitSaid(said -> assertThat(said.ids()).as("said as shown").containsSequence("m_9", "sino_1", "unit_il",
                "native_11", "unit_beon", "g_low").contains("m_11", "g_fair", "h_change", "h_improved"));
        tap(Action.NEXT_PAGE);
        Screen.Summary stance = await(2);
        assertThat(stance.allPages().get(2).lines()).containsExactly(new Screen.Line("6월 10일", "의자 잡고 12.3초"),
                new Screen.Line(ScreenWording.TREND_LABEL, "첫 기록이에요"));
        awaitSaid(said -> assertThat(said.ids()).contains("m_6", "r_held_chair", "h_first"));
        tap(Action.PREVIOUS_PAGE);
        await(1);
    }

    /** A screen is shown, then said: checks the last thing said once it passes (or fails after 20 s). */
    private void awaitSaid(java.util.function.Consumer<Utterance> check) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(10))
                .untilAsserted(() -> check.accept(sink.utterances.getLast()));
    }

    private Screen.Summary await(int page) {
        return (Screen.Summary) org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(sink::current, s -> s instanceof Screen.Summary summary && summary.page() == page);
    }
}
