package kr.smartsenior.server.fitness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.RecordDetail;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic stored history of one senior over three years, for tests that compare reads of it: a
 * visit most weeks with two tests, the whole battery every fourth (grip per hand, two trials each),
 * weight monthly and height twice a year, the timed up-and-go and the chair stand taken by their
 * superseded version-1 procedure in the first year, the one-leg stance sometimes supported; three
 * exercise sessions a week (step & jump, balance) with levels, an effort rating after each, now and
 * then one stopped early with a symptom (always one a month ago), and "unwell today" answers, the
 * last one three days ago.
 * Values drift (a slow decline of endurance) with noise. Written straight into {@code measurement}.
 */
public final class ThreeYearHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneOffset KST = ZoneOffset.ofHours(9);
    private static final MeasurementCode[] BATTERY = {MeasurementCode.CHAIR_STAND_30S,
        MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.STEP_IN_PLACE_2MIN, MeasurementCode.ONE_LEG_STANCE,
        MeasurementCode.SIT_AND_REACH};

    private final List<Object[]> rows = new ArrayList<>();
    private final String memberId;
    private final String siteId;
    private final Random random;

    private ThreeYearHistory(String memberId, String siteId, long seed) {
        this.memberId = memberId;
        this.siteId = siteId;
        this.random = new Random(seed);
    }

    /** Writes the history, ending a day before {@code now}; returns how many records it wrote. */
    public static int write(JdbcTemplate jdbc, String memberId, String siteId, OffsetDateTime now, long seed) {
        ThreeYearHistory history = new ThreeYearHistory(memberId, siteId, seed);
        history.build(now.withOffsetSameInstant(KST));
        jdbc.batchUpdate("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                  taken_at, taken_at_ms, detail, received_at_ms)
                VALUES (?, ?, ?, 'kiosk-1', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", history.rows);
        return history.rows.size();
    }

    private void build(OffsetDateTime now) {
        OffsetDateTime start = now.minusYears(3).withHour(10).withMinute(0).withSecond(0).withNano(0);
        int level = 1;
        for (int week = 0; week < 156; week++) {
            OffsetDateTime monday = start.plusWeeks(week);
            double years = week / 52.0;
            boolean firstYear = week < 52;
            if (random.nextDouble() < 0.85) { // came this week
                OffsetDateTime visit = monday.plusDays(random.nextInt(3)).plusMinutes(random.nextInt(120));
                List<MeasurementCode> tests = new ArrayList<>();
                if (week % 4 == 0) {
                    tests.addAll(List.of(BATTERY));
                    tests.add(MeasurementCode.GRIP_STRENGTH);
                } else {
                    tests.add(BATTERY[random.nextInt(BATTERY.length)]);
                    tests.add(BATTERY[random.nextInt(BATTERY.length)]);
                }
                int minute = 0;
                for (MeasurementCode code : tests) {
                    minute += 3;
                    test(code, visit.plusMinutes(minute), years, firstYear);
                }
                if (week % 4 == 1) {
                    test(MeasurementCode.WEIGHT, visit.plusMinutes(40), years, firstYear);
                }
                if (week % 26 == 2) {
                    test(MeasurementCode.HEIGHT, visit.plusMinutes(41), years, firstYear);
                }
                if (random.nextDouble() < 0.06) {
                    record("check", MeasurementCode.UNWELL_TODAY, BigDecimal.ONE, visit.plusMinutes(1), Map.of());
                }
            }
            for (int s = 0; s < 3; s++) { // exercise at home base, three days a week
                OffsetDateTime at = monday.plusDays(s * 2L).plusHours(4).plusMinutes(random.nextInt(60));
                MeasurementCode program = s == 1 ? MeasurementCode.BALANCE : MeasurementCode.STEP_JUMP;
                if (week % 10 == 9 && s == 0) {
                    level = Math.min(5, level + 1);
                }
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put(RecordDetail.LEVEL, level);
                detail.put(RecordDetail.PROTOCOL, program.name().toLowerCase() + "/1");
                detail.put("completedRounds", 3 + random.nextInt(5));
                detail.put("rounds", List.of(Map.of("seconds", 60, "reps", 20 + random.nextInt(10)),
                        Map.of("seconds", 60, "reps", 18 + random.nextInt(10))));
                if (random.nextDouble() < 0.03) {
                    detail.put(RecordDetail.STOPPED_EARLY, true);
                    detail.put(RecordDetail.SYMPTOM, "어지러움");
                }
                record("exercise", program, BigDecimal.valueOf(300 + random.nextInt(600)), at, detail);
                record("check", MeasurementCode.EXERCISE_EFFORT, BigDecimal.valueOf(2 + random.nextInt(8)),
                        at.plusMinutes(15), Map.of(RecordDetail.PROGRAM, program.name(), RecordDetail.LEVEL, level));
            }
        }
        record("check", MeasurementCode.UNWELL_TODAY, BigDecimal.ONE, now.minusDays(3), Map.of());
        // a month ago a session of the current level stopped early with a symptom (progression looks back to it)
        record("exercise", MeasurementCode.STEP_JUMP, BigDecimal.valueOf(200), now.minusDays(30).withHour(15),
                Map.of(RecordDetail.LEVEL, level, RecordDetail.PROTOCOL, "step_jump/1", RecordDetail.STOPPED_EARLY, true,
                        RecordDetail.SYMPTOM, "가슴 답답함"));
    }

    private void test(MeasurementCode code, OffsetDateTime at, double years, boolean firstYear) {
        Map<String, Object> detail = new LinkedHashMap<>();
        String protocol = MeasurementProtocol.of(code).id();
        if (firstYear && (code == MeasurementCode.TIMED_UP_AND_GO || code == MeasurementCode.CHAIR_STAND_30S)) {
            protocol = protocol.replaceFirst("/\\d+$", "/1"); // the superseded version-1 procedure
        }
        if (code == MeasurementCode.ONE_LEG_STANCE && random.nextDouble() < 0.2) {
            protocol = MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED.id();
        }
        detail.put(RecordDetail.PROTOCOL, protocol);
        detail.put("source", "kiosk");
        double value = switch (code) {
            case CHAIR_STAND_30S -> 14 - 1.2 * years + random.nextGaussian() * 1.5;
            case TIMED_UP_AND_GO -> 8.5 + 0.6 * years + random.nextGaussian() * 0.8;
            case STEP_IN_PLACE_2MIN -> 92 - 6 * years + random.nextGaussian() * 8;
            case ONE_LEG_STANCE -> 18 - 2 * years + random.nextGaussian() * 5;
            case SIT_AND_REACH -> 3 + random.nextGaussian() * 3;
            case WEIGHT -> 58 + random.nextGaussian();
            case HEIGHT -> 153 - 0.3 * years;
            default -> 0;
        };
        if (code == MeasurementCode.GRIP_STRENGTH) {
            int minute = 0;
            for (String hand : List.of("right", "left")) {
                for (int trial = 0; trial < 2; trial++) {
                    Map<String, Object> grip = new LinkedHashMap<>(detail);
                    grip.put(RecordDetail.HAND, hand);
                    grip.put(RecordDetail.TRIALS, List.of(trial + 1));
                    double kg = (hand.equals("right") ? 23 : 21) - 0.8 * years + random.nextGaussian() * 1.5;
                    record("test", code, round(kg), at.plusMinutes(minute++), grip);
                }
            }
            return;
        }
        record("test", code, round(Math.max(1, value)), at, detail);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private void record(String kind, MeasurementCode code, BigDecimal value, OffsetDateTime at,
            Map<String, Object> detail) {
        try {
            rows.add(new Object[] {UUID.randomUUID().toString(), memberId, siteId, "b-" + rows.size(), kind,
                    code.name(), value, code.unit().wireName(), at.toString(), at.toInstant().toEpochMilli(),
                    JSON.writeValueAsString(detail), at.toInstant().toEpochMilli()});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
