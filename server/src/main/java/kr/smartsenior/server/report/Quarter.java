package kr.smartsenior.server.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import kr.smartsenior.server.web.InvalidFieldException;

/**
 * A calendar quarter in Korean time (Asia/Seoul): Q1 is 1 January 00:00 KST to 1 April 00:00 KST,
 * and so on; {@link #start()} inclusive, {@link #end()} exclusive.
 */
record Quarter(int year, int quarter) {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final int FIRST_YEAR = 2020;

    Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new InvalidFieldException("quarter", "must be 1 to 4");
        }
        if (year < FIRST_YEAR || year > 2100) {
            throw new InvalidFieldException("year", "must be " + FIRST_YEAR + " to 2100");
        }
    }

    /** The last quarter that has ended by now, in Korean time (on 1 April 00:00 KST: Q1). */
    static Quarter lastComplete(Clock clock) {
        return containing(clock.instant()).previous();
    }

    /** The quarter this instant falls in, in Korean time. */
    static Quarter containing(Instant at) {
        LocalDate day = at.atZone(SEOUL).toLocalDate();
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** Whether this quarter has ended by now. */
    boolean complete(Clock clock) {
        return !end().isAfter(clock.instant());
    }

    Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    LocalDate firstDay() {
        return LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
    }

    LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    Instant start() {
        return firstDay().atStartOfDay(SEOUL).toInstant();
    }

    Instant end() {
        return firstDay().plusMonths(3).atStartOfDay(SEOUL).toInstant();
    }

    /** "2026년 3분기". */
    String korean() {
        return year + "년 " + quarter + "분기";
    }

    /** "2026년 7월 1일 ~ 9월 30일". */
    String koreanRange() {
        return year + "년 " + firstDay().getMonthValue() + "월 1일 ~ " + lastDay().getMonthValue() + "월 "
                + lastDay().getDayOfMonth() + "일";
    }

    /** "2026-Q3", for file names. */
    String fileLabel() {
        return year + "-Q" + quarter;
    }
}
