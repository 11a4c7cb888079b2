package kr.smartsenior.server.screening;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One screening as staff read it in a history list, every part in Korean words (no codes): when
 * and by whom it was entered, the "yes" answers, the blood pressure and the clearance.
 *
 * @param recordedAt   day and time in Korea ("2026-11-21 14:05")
 * @param recordedBy   the staff account that entered it
 * @param answers      "모두 '아니요'" or the "yes" answers in a few words each
 * @param bloodPressure "135/85 mmHg" or "재지 않음"
 * @param bloodPressureClass what it means ("160/100 mmHg 미만"), or "" when not measured
 * @param clearance    who agreed and when, "필요 없음", "의료진 확인 필요" (the latest screening) or
 *                     "확인 기록 없음" (an earlier one: only the latest is in force, it needs nothing now)
 * @param needsClearance the latest screening has a PAR-Q+ "yes" without a recorded clearance
 * @param note         the note as typed (shown as text), or null
 */
public record ScreeningSummary(String recordedAt, String recordedBy, String answers, String bloodPressure,
        String bloodPressureClass, String clearance, boolean needsClearance, String note) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The history as staff read it, newest first (as {@link Screenings#history} gives it). */
    public static List<ScreeningSummary> of(List<Screening> newestFirst) {
        return java.util.stream.IntStream.range(0, newestFirst.size())
                .mapToObj(i -> of(newestFirst.get(i), i == 0)).toList();
    }

    static ScreeningSummary of(Screening screening, boolean latest) {
        List<ScreeningQuestion> yes = screening.answers().entrySet().stream().filter(e -> e.getValue())
                .map(e -> e.getKey()).sorted().toList();
        boolean clearanceNeeded = yes.stream()
                .anyMatch(q -> !q.isFallRiskKeyQuestion() && q != ScreeningQuestion.BONE_FRAGILITY);
        String answers = yes.isEmpty() ? "모두 '아니요'"
                : "'예': " + String.join(", ", yes.stream().map(ScreeningQuestion::shortKorean).toList());
        long unanswered = java.util.Arrays.stream(ScreeningQuestion.values())
                .filter(q -> !screening.answers().containsKey(q)).count();
        if (unanswered > 0) {
            answers += " (묻지 않은 질문 " + unanswered + "개: 그때는 없던 질문)";
        }
        String bloodPressure = screening.systolic() == null ? "재지 않음"
                : screening.systolic() + "/" + screening.diastolic() + " mmHg";
        String bloodPressureClass = screening.systolic() == null ? ""
                : ScreeningStatus.bloodPressure(screening.systolic(), screening.diastolic()).korean();
        Clearance c = screening.clearance();
        String clearance = c != null
                ? "의료진 " + c.clinician() + ", " + c.agreedOn() + " 동의 (직원 " + c.clearedBy() + " 기록)"
                : !clearanceNeeded ? "필요 없음" : latest ? "의료진 확인 필요" : "확인 기록 없음";
        return new ScreeningSummary(WHEN.format(screening.recordedAt().atZoneSameInstant(ScreeningController.ZONE)),
                screening.recordedBy(), answers, bloodPressure, bloodPressureClass, clearance,
                latest && clearanceNeeded && c == null,
                screening.note());
    }
}
