package kr.smartsenior.protocol;

import java.util.Map;
import java.util.Optional;

/**
 * How a result was taken: the protocol id a record carries in {@code detail.protocol}
 * ({@code "chair-stand-30s/1"}): a name, a slash and the version of the kiosk's procedure. A norm
 * grades only results taken by the procedure it was published for, so the server reads this before
 * grading; one constant per sensor test, staff-entered item and exercise program, written by the
 * kiosk and read by the server, never spelled anywhere else.
 *
 * <p>A new version of a procedure gets a new version number here; a server that meets a version it
 * does not know stores the record and says it was not graded (see {@link #read(Object)}).
 */
public enum MeasurementProtocol {
    /**
     * Senior Fitness Test 30-second chair stand, on the kiosk's step mat and distance sensor. Version
     * 2: the seated reference is taken sitting upright mid-seat, arms crossed, and a stand counts only
     * at full extension (version 1 calibrated leaning on the backrest and counted part-way stands).
     */
    CHAIR_STAND_30S(MeasurementCode.CHAIR_STAND_30S, "chair-stand-30s", 2),
    /**
     * Senior Fitness Test 2-minute step in place. Version 2 counts right-knee lifts reaching the
     * target height (midway between kneecap and hip), said and shown to the senior; the kiosk's mat
     * sees the right foot off its pad long enough for such a lift (a shuffle is not counted) and staff
     * watch the height. Version 1 counted every step.
     */
    STEP_IN_PLACE_2MIN(MeasurementCode.STEP_IN_PLACE_2MIN, "step-in-place-2min", 2),
    /**
     * Timed up-and-go over 3 m at the senior's usual pace (CDC STEADI). Version 2 times from the
     * "시작" cue to seated again (the body landing in the seat); version 1 started the clock part-way
     * up, stopped it part-way down and read 0.7-1.5 s short.
     */
    TIMED_UP_AND_GO(MeasurementCode.TIMED_UP_AND_GO, "timed-up-and-go", 2),
    /**
     * One-leg stance, eyes open, hands free. Version 2 ends a trial when the raised foot touches
     * down (another pad pressed, or the standing pad released) or at the maximum (60 s), best of two
     * trials, each in {@link RecordDetail#TRIALS}; the kiosk writes it only when hands free was
     * confirmed before the test, otherwise {@link #ONE_LEG_STANCE_SUPPORTED}. Version 1 kept counting
     * a foot put down beside the pad.
     */
    ONE_LEG_STANCE(MeasurementCode.ONE_LEG_STANCE, "one-leg-stance", 2),
    /**
     * One-leg stance with a hand on the chair, or not confirmed hands free (the kiosk's mat cannot
     * see hands): recorded for the senior's own trend, never graded against an unsupported norm nor
     * used to rule fall risk in or out. Otherwise as {@link #ONE_LEG_STANCE}.
     */
    ONE_LEG_STANCE_SUPPORTED(MeasurementCode.ONE_LEG_STANCE, "one-leg-stance-supported", 1),
    /**
     * Figure-8 walk (국민체력100 8자 보행). No longer taken by the kiosk: no published description of
     * the course precise enough to set out and time was found; kept so that stored records read.
     */
    FIGURE_8_WALK(MeasurementCode.FIGURE_8_WALK, "figure-8-walk", 1),
    /** Handgrip dynamometer, per hand, typed in by staff. */
    GRIP(MeasurementCode.GRIP_STRENGTH, "grip", 1),
    /**
     * Senior Fitness Test <em>chair</em> sit-and-reach (seated on the front of a chair, one leg out),
     * typed in by staff. Kiosks before this constant wrote {@code "sit-and-reach/1"} for the same
     * procedure, which reads as this.
     */
    CHAIR_SIT_AND_REACH(MeasurementCode.SIT_AND_REACH, "chair-sit-and-reach", 1),
    /** Standing height, typed in by staff. */
    HEIGHT(MeasurementCode.HEIGHT, "height", 1),
    /** Body weight, typed in by staff (with the BMI when a height is known). */
    WEIGHT(MeasurementCode.WEIGHT, "weight", 1),
    /** A step &amp; jump exercise session. */
    STEP_JUMP(MeasurementCode.STEP_JUMP, "step-jump", 1),
    /** A balance exercise session. */
    BALANCE(MeasurementCode.BALANCE, "balance", 1),
    /** An interval exercise session. */
    INTERVAL(MeasurementCode.INTERVAL, "interval", 1);

    /** Ids written by earlier kiosks for the same procedure as a constant here. */
    private static final Map<String, MeasurementProtocol> EARLIER_IDS = Map.of(
            "sit-and-reach/1", CHAIR_SIT_AND_REACH,
            "chair", CHAIR_SIT_AND_REACH);

    /**
     * Ids of earlier versions of a procedure that has since been corrected: the results were taken
     * differently from the norm's protocol (see each constant), so a server stores and shows them
     * but must not read them as if taken by today's procedure.
     */
    private static final Map<String, MeasurementProtocol> SUPERSEDED_IDS = Map.of(
            "chair-stand-30s/1", CHAIR_STAND_30S,
            "step-in-place-2min/1", STEP_IN_PLACE_2MIN,
            "timed-up-and-go/1", TIMED_UP_AND_GO,
            "one-leg-stance/1", ONE_LEG_STANCE);

    private final MeasurementCode code;
    private final String name;
    private final int version;

    MeasurementProtocol(MeasurementCode code, String name, int version) {
        this.code = code;
        this.name = name;
        this.version = version;
    }

    /** The catalogue code whose results this protocol produces. */
    public MeasurementCode code() {
        return code;
    }

    public int version() {
        return version;
    }

    /** The id as written in {@code detail.protocol}: {@code "chair-stand-30s/1"}. */
    public String id() {
        return name + "/" + version;
    }

    /**
     * The protocol the kiosk uses today for a catalogue code (the first constant of that code); a
     * check record ({@code UNWELL_TODAY}, {@code EXERCISE_EFFORT}) has none.
     */
    public static MeasurementProtocol of(MeasurementCode code) {
        for (MeasurementProtocol protocol : values()) {
            if (protocol.code == code) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("no protocol for " + code);
    }

    /**
     * What a record's {@code detail.protocol} says.
     *
     * @param value the value as decoded (any JSON value, or null when the record has none)
     */
    public static Reading read(Object value) {
        if (value == null) {
            return new Reading.Absent();
        }
        if (!(value instanceof String text)) {
            return new Reading.Unknown(String.valueOf(value));
        }
        MeasurementProtocol earlier = EARLIER_IDS.get(text);
        if (earlier != null) {
            return new Reading.Known(earlier);
        }
        MeasurementProtocol corrected = SUPERSEDED_IDS.get(text);
        if (corrected != null) {
            return new Reading.Superseded(corrected, text);
        }
        for (MeasurementProtocol protocol : values()) {
            if (protocol.id().equals(text)) {
                return new Reading.Known(protocol);
            }
        }
        int slash = text.lastIndexOf('/');
        if (slash > 0) {
            String name = text.substring(0, slash);
            for (MeasurementProtocol protocol : values()) {
                if (protocol.name.equals(name)) {
                    return new Reading.OtherVersion(protocol, text.substring(slash + 1));
                }
            }
        }
        return new Reading.Unknown(text);
    }

    /** The protocol id a record carries, read. */
    public sealed interface Reading {

        /** The record has no protocol id (hand-made or from the earliest kiosks). */
        record Absent() implements Reading {
        }

        /** A protocol this build knows, at the version it knows. */
        record Known(MeasurementProtocol protocol) implements Reading {
        }

        /**
         * An earlier version of a procedure this build knows, since corrected ({@code protocol} is
         * today's version; {@code id} is what the record says).
         */
        record Superseded(MeasurementProtocol protocol, String id) implements Reading {
        }

        /** A protocol this build knows by name, at another version (a newer kiosk, or a malformed number). */
        record OtherVersion(MeasurementProtocol protocol, String version) implements Reading {
        }

        /** An id this build does not know at all. */
        record Unknown(String text) implements Reading {
            public Unknown {
                text = text.length() > 60 ? text.substring(0, 60) + "…" : text;
            }
        }

        /** A short English description for logs and grade notes. */
        default String describe() {
            return switch (this) {
                case Absent a -> "no protocol id";
                case Known k -> k.protocol().id();
                case Superseded s -> "'" + s.id() + "' (an earlier procedure, since corrected by " + s.protocol().id()
                        + ")";
                case OtherVersion o -> "'" + o.protocol().name + "/" + o.version() + "' (this server knows version "
                        + o.protocol().version + ")";
                case Unknown u -> "unknown protocol '" + u.text() + "'";
            };
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
