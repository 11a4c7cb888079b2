package kr.smartsenior.edge.ui.voice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a number is read aloud in Korean, as voice segments. Korean has two sets of numbers and the
 * counter after a number chooses: counted things and times take the native numbers in their form
 * before a counter ("열네 번", "스무 번", "세 가지", "두 세트"), measures and labels the Sino-Korean
 * ones ("십사 회", "삼십 초", "이 분", "삼 단계", "팔십오 퍼센트"). Native numbers stop at 99: above it
 * the hundreds are Sino-Korean and the rest native ("백열두 번"). A decimal is always Sino-Korean with
 * its digits one by one after 점 ("십 점 팔 초", "영 점 팔 초").
 *
 * <p>Segments: {@code sino_0} to {@code sino_99}, {@code sino_100} … {@code sino_900}, {@code sino_1000}
 * … {@code sino_9000}, {@code native_1} to {@code native_99}, {@code point}, {@code minus}.
 */
public final class KoreanNumbers {

    /** The two ways to read a number. */
    public enum Reading {
        SINO, NATIVE
    }

    /** The largest number read (up to 9999; a larger one is shown but not spoken). */
    public static final int MAX = 9999;

    private KoreanNumbers() {
    }

    /**
     * The segments reading {@code value}: a whole number in the given reading, a decimal in Sino-Korean
     * digits after 점.
     *
     * @throws IllegalArgumentException when the whole part is over {@link #MAX}
     */
    public static List<String> read(BigDecimal value, Reading reading) {
        List<String> ids = new ArrayList<>();
        if (value.signum() < 0) {
            ids.add("minus");
            value = value.negate();
        }
        BigDecimal whole = new BigDecimal(value.toBigInteger());
        if (whole.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw new IllegalArgumentException("too large to read aloud: " + value);
        }
        String plain = value.toPlainString(); // the digits as shown: "12.0" is 십이 점 영
        String fraction = plain.indexOf('.') < 0 ? "" : plain.substring(plain.indexOf('.') + 1);
        int n = whole.intValueExact();
        ids.addAll(fraction.isEmpty() ? whole(n, reading) : whole(n, Reading.SINO));
        if (!fraction.isEmpty()) {
            ids.add("point");
            for (char digit : fraction.toCharArray()) {
                ids.add("sino_" + (digit - '0'));
            }
        }
        return ids;
    }

    /** The segments for a whole number 0 to 9999. */
    static List<String> whole(int n, Reading reading) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("cannot read " + n);
        }
        if (n == 0) {
            return List.of("sino_0");
        }
        List<String> ids = new ArrayList<>();
        if (n >= 1000) {
            ids.add("sino_" + n / 1000 * 1000);
        }
        if (n % 1000 >= 100) {
            ids.add("sino_" + n % 1000 / 100 * 100);
        }
        int rest = n % 100;
        if (rest > 0) {
            ids.add((reading == Reading.NATIVE ? "native_" : "sino_") + rest);
        }
        return ids;
    }

    /** The words of a whole number 1 to 99 (0 for Sino-Korean), as recorded in its segment. */
    static String words(int n, Reading reading) {
        if (reading == Reading.SINO) {
            if (n == 0) {
                return "영";
            }
            String[] digits = {"", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
            int tens = n / 10;
            return (tens == 0 ? "" : (tens == 1 ? "" : digits[tens]) + "십") + digits[n % 10];
        }
        if (n == 20) {
            return "스무"; // 스물 drops its ㄹ before a counter: 스무 번
        }
        String[] units = {"", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"};
        String[] tens = {"", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"};
        return tens[n / 10] + units[n % 10];
    }
}
