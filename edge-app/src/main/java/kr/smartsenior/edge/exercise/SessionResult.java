package kr.smartsenior.edge.exercise;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * How a session went; becomes one exercise record. Field names in {@link #detail()} are the wire
 * names (docs/protocol.md, "Exercise records"); the server's prescription progression reads
 * {@code level}, {@code stoppedEarly} and {@code symptom}.
 *
 * @param program        which program
 * @param levelStart     the level it started at (the prescription's); recorded as {@code level} too
 * @param levelEnd       the level at the end (lower when adaptation stepped down)
 * @param tempoStart     tempo in percent of the level's own at the start (always 100)
 * @param tempoEnd       tempo in percent at the end
 * @param support        done holding on to a chair or rail
 * @param prescribedMinutes the prescribed session length
 * @param activeSeconds  time exercising, pauses excluded: the record's value
 * @param durationSeconds from the start of the warm-up to the end, pauses included
 * @param pausedSeconds  time paused
 * @param hits           scored successes
 * @param misses         scored misses
 * @param steps          pad presses while playing
 * @param meanReactionMs mean reaction of the hits that have one, or -1 when none
 * @param cadence        steps per minute while playing (interval: during the work rounds)
 * @param rounds         interval rounds completed, 0 for other programs
 * @param adaptations    how often the difficulty changed
 * @param stopReason     why it stopped early, or null when it ran to its end
 */
public record SessionResult(Program program, int levelStart, int levelEnd, int tempoStart, int tempoEnd, boolean support,
        int prescribedMinutes, long activeSeconds, long durationSeconds, long pausedSeconds, int hits, int misses, int steps,
        long meanReactionMs, int cadence, int rounds, int adaptations, StopReason stopReason) {

    public boolean stoppedEarly() {
        return stopReason != null;
    }

    /** Hits among scored answers, 0 to 1 (0 when nothing was scored). */
    public double accuracy() {
        int scored = hits + misses;
        return scored == 0 ? 0 : (double) hits / scored;
    }

    /** The record's detail, in wire names. */
    public Map<String, Object> detail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("protocol", program.protocol());
        detail.put("source", "sensors");
        detail.put("program", program.name());
        detail.put("level", levelStart);
        detail.put("levelStart", levelStart);
        detail.put("levelEnd", levelEnd);
        detail.put("tempoStartPct", tempoStart);
        detail.put("tempoEndPct", tempoEnd);
        detail.put("support", support);
        detail.put("prescribedMinutes", prescribedMinutes);
        detail.put("durationS", durationSeconds);
        detail.put("activeS", activeSeconds);
        detail.put("pausedS", pausedSeconds);
        detail.put("hits", hits);
        detail.put("misses", misses);
        detail.put("steps", steps);
        detail.put("accuracy", BigDecimal.valueOf(accuracy()).setScale(2, java.math.RoundingMode.HALF_UP));
        if (meanReactionMs >= 0) {
            detail.put("meanReactionMs", meanReactionMs);
        }
        detail.put("cadenceSpm", cadence);
        if (program == Program.INTERVAL) {
            detail.put("rounds", rounds);
        }
        detail.put("adaptations", adaptations);
        detail.put("stoppedEarly", stoppedEarly());
        if (stopReason != null) {
            detail.put("stopReason", stopReason.wireName());
            if (stopReason == StopReason.SYMPTOM) {
                detail.put("symptom", StopReason.SYMPTOM_DIZZY_OR_CHEST_PAIN);
            }
        }
        return detail;
    }

    /** The exercise record for this member, taken now; value = active seconds. */
    public MeasurementRecord toRecord(String memberId, OffsetDateTime takenAt) {
        long value = Math.min(activeSeconds, program.code().max().longValue());
        return MeasurementRecord.of(memberId, program.code(), BigDecimal.valueOf(value), takenAt, detail());
    }
}
