package kr.smartsenior.edge.ui.views;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kr.smartsenior.edge.ui.ports.CardEvents.CardEvent;
import kr.smartsenior.edge.ui.ports.CardEvents.Refusal;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.ExerciseEvent;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;
import kr.smartsenior.edge.ui.ports.FitnessTests.TestEvent;
import kr.smartsenior.edge.ui.voice.Prompt;
import java.time.LocalDate;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.RecentResults;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * The Korean lines the journey composes from what happened (a result, a prescription, a running
 * session): pure functions, no state, no JavaFX. The fixed sentences of each screen stay with the
 * screen ({@link Screen}, the views); the sentences spoken live in {@link Prompt}; how one test or
 * program is presented in {@link TestGuide} and {@link ExerciseGuide}.
 */
public final class ScreenWording {

    /** The prescription line when the server has none yet. */
    public static final String NO_PRESCRIPTION = "처방 준비 중";
    /** The summary's line before any test today. */
    public static final String NOTHING_MEASURED = "아직 측정하지 않았어요";
    /** Why a test is offered again after the senior pressed 그만하기. */
    public static final String STOPPED_REASON = "측정을 멈췄어요.";

    private static final String PRESCRIPTION_LABEL = "운동 처방";

    private ScreenWording() {
    }

    // --- cards ---

    /** The spoken prompt for a refused card. */
    public static Prompt refusalPrompt(Refusal reason) {
        return switch (reason) {
            case UNKNOWN_CARD -> Prompt.CARD_UNKNOWN;
            case REVOKED_CARD -> Prompt.CARD_REVOKED;
            case NOT_A_MEMBER_CARD -> Prompt.CARD_NOT_MEMBER;
        };
    }

    /** The sentence shown for a refused card: the identifier's own when it gave one, else the prompt's. */
    public static String refusalMessage(CardEvent.Refused refused) {
        return refused.koreanMessage().isEmpty() ? refusalPrompt(refused.reason()).text() : refused.koreanMessage();
    }

    // --- the test battery ---

    /** The big number of the 3-2-1 countdown. */
    public static Live countdown(int secondsLeft) {
        return new Live(Integer.toString(secondsLeft), "", -1);
    }

    /**
     * The live value while measuring, without its unit, with the time left and a bar for a test of
     * fixed length, or the time taken for a timed test.
     */
    public static Live measuring(TestGuide guide, TestEvent.Progress progress) {
        String value = guide.valueText(progress.value()).replaceAll("[^0-9.\\-]", "");
        if (progress.limit().isZero()) {
            return new Live(value, "걸린 시간 " + progress.elapsed().toSeconds() + "초", -1);
        }
        long left = Math.max(0, progress.limit().minus(progress.elapsed()).toSeconds());
        double done = Math.min(1, (double) progress.elapsed().toMillis() / progress.limit().toMillis());
        return new Live(value, "남은 시간 " + left + "초", done);
    }

    /** A test's line on today's summary: "14번 · 좋아요", or the value alone when there is no local grade. */
    public static Screen.Line resultLine(TestGuide guide, BigDecimal value, Grade grade) {
        return resultLine(guide, value, grade, false);
    }

    /** The same, "의자 잡고 12.3초" for a one-leg stance held at the chair. */
    public static Screen.Line resultLine(TestGuide guide, BigDecimal value, Grade grade, boolean heldChair) {
        return new Screen.Line(guide.name(), guide.valueText(value, heldChair) + (grade == Grade.UNRATED ? ""
                : " · " + TestGuide.gradeWord(grade)));
    }

    /** Today's results on the summary, or one line saying nothing was measured yet. */
    public static List<Screen.Line> todaysResults(List<Screen.Line> results) {
        return results.isEmpty() ? List.of(new Screen.Line("오늘", NOTHING_MEASURED)) : List.copyOf(results);
    }

    /** The label of a history page's trend line. */
    public static final String TREND_LABEL = "변화";

    /**
     * 내 기록's pages of the latest results the roster carries (decision 0027), one per test in the
     * server's order: each result's day ("11월 2일") and value with the server's band in words ("14번 ·
     * 보통이에요"; none where the server does not grade it), oldest first, then the trend in words where the
     * server calls one ("첫 기록이에요" for a single result).
     */
    public static List<Screen.Page> history(MemberResults results) {
        List<Screen.Page> pages = new ArrayList<>();
        for (RecentResults recent : results.recent()) {
            if (recent.results().isEmpty()) {
                continue;
            }
            TestGuide guide = TestGuide.of(recent.code());
            boolean heldChair = MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED.id().equals(recent.protocol());
            List<Screen.Line> lines = new ArrayList<>();
            for (RecentResults.Result result : recent.results()) {
                lines.add(new Screen.Line(day(result.day()), guide.valueText(result.value(), heldChair)
                        + (result.band() == null ? "" : " · " + TestGuide.gradeWord(TestGuide.grade(result.band())))));
            }
            String trend = trend(recent);
            if (!trend.isEmpty()) {
                lines.add(new Screen.Line(TREND_LABEL, trend));
            }
            pages.add(new Screen.Page(guide.name(), lines, true));
        }
        return pages;
    }

    /** "11월 2일" */
    static String day(LocalDate day) {
        return day.getMonthValue() + "월 " + day.getDayOfMonth() + "일";
    }

    /**
     * The server's trend in kind words: a decline is said gently and with whom to look at it, never as a
     * verdict; nothing when the server calls none (but "첫 기록이에요" for a first result).
     */
    static String trend(RecentResults recent) {
        return switch (recent.trend()) {
            case IMPROVED -> "좋아지고 있어요";
            case STEADY -> "꾸준히 유지하고 있어요";
            case DECLINED -> "기록이 조금 떨어졌어요. 선생님과 함께 살펴봐요.";
            case NOT_CALLED -> recent.results().size() == 1 ? "첫 기록이에요" : "";
        };
    }

    /**
     * The prescription on the summary: the senior's own lines from the roster under one label;
     * "처방 준비 중" when there is none.
     */
    public static List<Screen.Line> prescription(KioskPrescription prescription) {
        List<Screen.Line> lines = new ArrayList<>();
        for (String sentence : prescription.lines()) {
            if (!sentence.isBlank()) {
                lines.add(new Screen.Line(lines.isEmpty() ? PRESCRIPTION_LABEL : "", sentence));
            }
        }
        return lines.isEmpty() ? List.of(new Screen.Line(PRESCRIPTION_LABEL, NO_PRESCRIPTION)) : lines;
    }

    // --- exercise ---

    /** The answer to a cue in words. */
    public static String answer(boolean hit) {
        return hit ? "좋아요!" : "놓쳤어요";
    }

    /** The score line: rounds and cadence for intervals, hits and misses otherwise (empty before the first). */
    public static String score(ExercisePrograms.Offer offer, ExerciseEvent.Progress progress) {
        if (offer.program() == MeasurementCode.INTERVAL) {
            String round = progress.round() > 0 ? "라운드 " + progress.round() + " / " + progress.rounds() : "";
            String cadence = progress.cadence() > 0 ? "분당 " + progress.cadence() + "걸음" : "";
            return String.join("  ·  ", Stream.of(round, cadence).filter(t -> !t.isEmpty()).toList());
        }
        return progress.hits() + progress.misses() == 0 ? "" : "성공 " + progress.hits() + "  ·  놓침 " + progress.misses();
    }

    /** "남은 시간 4분 12초", whole seconds rounded up. */
    public static String timeLeft(Duration remaining) {
        long s = Math.max(0, (remaining.toMillis() + 999) / 1000);
        return "남은 시간 " + (s >= 60 ? s / 60 + "분 " : "") + s % 60 + "초";
    }

    /** How a session went, line by line, for its result screen. */
    public static List<Screen.Line> exerciseResult(ExercisePrograms.Summary summary) {
        List<Screen.Line> lines = new ArrayList<>();
        long s = summary.active().toSeconds();
        lines.add(new Screen.Line("운동 시간", (s >= 60 ? s / 60 + "분 " : "") + s % 60 + "초"));
        if (summary.program() == MeasurementCode.INTERVAL) {
            lines.add(new Screen.Line("라운드", summary.rounds() + "번"));
            if (summary.cadence() > 0) {
                lines.add(new Screen.Line("걸음", "분당 " + summary.cadence() + "걸음"));
            }
        } else {
            lines.add(new Screen.Line("성공", summary.hits() + "번 (" + summary.accuracyPercent() + "%)"));
            if (summary.meanReactionMillis() >= 0) {
                lines.add(new Screen.Line("반응 시간", "평균 " + BigDecimal.valueOf(summary.meanReactionMillis(), 3)
                        .setScale(1, RoundingMode.HALF_UP).toPlainString() + "초"));
            }
        }
        lines.add(new Screen.Line("단계", summary.levelStart() == summary.levelEnd() ? summary.levelStart() + "단계"
                : summary.levelStart() + "단계 → " + summary.levelEnd() + "단계"));
        if (summary.stopReason() != null) {
            lines.add(new Screen.Line("멈춤", ExerciseGuide.stopReasonText(summary.stopReason())));
        }
        return lines;
    }
}
