package kr.smartsenior.server.fitness;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Printing and rounding numbers for people. */
final class Numbers {

    private Numbers() {
    }

    /** 12 rather than 12.0; at most two decimals. */
    static String plain(double value) {
        return round(value, 2).toPlainString();
    }

    static BigDecimal round(double value, int scale) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
