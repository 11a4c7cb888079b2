package kr.smartsenior.server.screening;

import java.util.EnumSet;
import java.util.Set;

/**
 * The screening questions, read aloud by staff, of three kinds. The PAR-Q+ ones (in the spirit of
 * the PAR-Q+ 2023 general health questions, our own short wording): any "yes" means low-intensity
 * programs only until staff record a clearance (the clinician who agreed, {@link Clearance}). The
 * fall-risk key questions (CDC STEADI's three, our own Korean wording): a "yes" never blocks
 * exercise; it goes into the fall-risk evaluation ({@link #isFallRiskKeyQuestion()}).
 * {@link #BONE_FRAGILITY} needs no clearance either: only a "no" opens the step &amp; jump levels
 * with jumps ({@link ScreeningStatus#jumpsAllowed()}).
 */
public enum ScreeningQuestion {
    HEART("심장병·고혈압", "의사에게 심장병이나 고혈압이 있다는 말을 들은 적이 있으신가요?",
            "Has a doctor ever said you have a heart condition or high blood pressure?"),
    CHEST_PAIN("가슴 통증", "쉬거나 일상생활을 할 때, 또는 운동할 때 가슴이 아프신가요?",
            "Do you feel pain in your chest at rest, in daily activities, or when you exercise?"),
    DIZZINESS("어지럼·의식 잃음", "지난 1년 동안 어지러워서 넘어질 뻔하거나 정신을 잃은 적이 있으신가요?",
            "In the past 12 months, have you lost balance because of dizziness or lost consciousness?"),
    OTHER_CONDITION("다른 만성 질환", "심장병이나 고혈압 말고 다른 만성 질환 진단을 받으셨나요?",
            "Have you been diagnosed with another chronic condition (other than heart disease or high blood"
                    + " pressure)?"),
    MEDICATION("만성 질환 약", "만성 질환 때문에 드시는 약이 있으신가요?",
            "Are you taking medicine for a chronic condition?"),
    BONE_JOINT("뼈·관절·근육 문제", "운동하면 더 나빠질 수 있는 뼈, 관절, 근육 문제가 있으신가요?",
            "Do you have a bone, joint or muscle problem that could get worse with more activity?"),
    SUPERVISED_ONLY("의료진 감독 아래서만 운동", "의사가 '의료진이 지켜보는 곳에서만 운동하라'고 한 적이 있으신가요?",
            "Has a doctor said you should only do physical activity under medical supervision?"),
    /**
     * Osteoporosis or a fracture in later life: jumping (impact) exercise only after a "no". Broader
     * than "a recent fracture" on purpose (any fracture since 50, the usual fragility-fracture age).
     */
    BONE_FRAGILITY("골다공증·50세 이후 골절", "의사에게 골다공증이라는 말을 들었거나, 50세 이후에 뼈가 부러진 적이 있으신가요?",
            "Has a doctor said you have osteoporosis, or have you broken a bone since the age of 50?"),
    /** STEADI key question 1. */
    FELL_PAST_YEAR("지난 1년 낙상", "지난 1년 동안 넘어지신 적이 있으신가요?",
            "Have you fallen in the past year?"),
    /** STEADI key question 2. */
    UNSTEADY("서거나 걸을 때 흔들림", "서 있거나 걸을 때 몸이 흔들리거나 휘청거리는 느낌이 드시나요?",
            "Do you feel unsteady when standing or walking?"),
    /** STEADI key question 3. */
    WORRIES_ABOUT_FALLING("낙상 걱정", "넘어질까 봐 걱정되시나요?",
            "Do you worry about falling?");

    /** CDC STEADI's three key questions: fall risk, not PAR-Q clearance. */
    private static final Set<ScreeningQuestion> FALL_RISK_KEY_QUESTIONS = EnumSet.of(FELL_PAST_YEAR, UNSTEADY,
            WORRIES_ABOUT_FALLING);

    private final String shortKorean;
    private final String korean;
    private final String english;

    ScreeningQuestion(String shortKorean, String korean, String english) {
        this.shortKorean = shortKorean;
        this.korean = korean;
        this.english = english;
    }

    /** A few words for lists and summaries ("가슴 통증"). */
    public String shortKorean() {
        return shortKorean;
    }

    public String korean() {
        return korean;
    }

    public String english() {
        return english;
    }

    /** One of STEADI's key questions: a "yes" raises fall risk and never needs clearance. */
    public boolean isFallRiskKeyQuestion() {
        return FALL_RISK_KEY_QUESTIONS.contains(this);
    }
}
