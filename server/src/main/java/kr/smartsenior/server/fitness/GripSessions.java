package kr.smartsenior.server.fitness;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.RecordDetail;

/**
 * Grip records grouped into the days they were taken. Staff type one record per hand (its value the
 * best trial) or one per trial; either way a day's grip is the best value of the better hand, the
 * one 국민체력100 and AWGS 2019 grade, and each hand keeps its own best of the day.
 */
final class GripSessions {

    static final String RIGHT = "right";
    static final String LEFT = "left";

    /**
     * One day's grip.
     *
     * @param best       the best value of either hand (or of records without a hand)
     * @param bestRecord the record that holds it (its detail decides the grade's protocol)
     * @param hands      each hand's best value that day, {@code right} before {@code left}
     * @param takenAt    the latest record of the day
     */
    record Session(LocalDate day, OffsetDateTime takenAt, double best, Result bestRecord, Map<String, Double> hands) {
    }

    private GripSessions() {
    }

    /** The days of these grip records (oldest first), oldest first. */
    static List<Session> of(List<Result> records) {
        Map<LocalDate, List<Result>> byDay = new LinkedHashMap<>();
        for (Result record : records) {
            byDay.computeIfAbsent(record.takenAt().toLocalDate(), d -> new ArrayList<>()).add(record);
        }
        List<Session> sessions = new ArrayList<>();
        byDay.forEach((day, list) -> {
            Result best = list.getFirst();
            OffsetDateTime latest = list.getFirst().takenAt();
            Map<String, Double> hands = new LinkedHashMap<>();
            for (String hand : List.of(RIGHT, LEFT)) {
                list.stream().filter(r -> hand.equals(hand(r))).mapToDouble(r -> r.value().doubleValue()).max()
                        .ifPresent(v -> hands.put(hand, v));
            }
            for (Result record : list) {
                if (record.value().compareTo(best.value()) > 0) {
                    best = record;
                }
                if (record.takenAt().isAfter(latest)) {
                    latest = record.takenAt();
                }
            }
            sessions.add(new Session(day, latest, best.value().doubleValue(), best, hands));
        });
        return sessions;
    }

    /** {@code right}, {@code left}, or null when the record does not say. */
    static String hand(Result record) {
        Object hand = record.detail() == null ? null : record.detail().get(RecordDetail.HAND);
        return RIGHT.equals(hand) || LEFT.equals(hand) ? (String) hand : null;
    }

    static String korean(String hand) {
        return RIGHT.equals(hand) ? "오른손" : "왼손";
    }
}
