package kr.smartsenior.edge.sensor;

import java.util.Arrays;
import java.util.List;

/**
 * What the distance sensor reads at one site, measured once when the kiosk is set up (chair and
 * sensor in their reference places, docs/hardware.md): a person seated upright in the middle of the
 * seat with arms crossed (the chair stand's start position; not leaning on the backrest), the same
 * person standing fully upright in front of it, and the empty chair. Sitting and standing differ
 * because the beam meets the upper chest of a seated person, and the body of a standing one over the
 * chair's front edge; leaning back reads a little farther than seated (a rise below 0).
 *
 * @param seatedMm   distance to a person seated upright mid-seat
 * @param standingMm distance to the same person standing fully upright in front of the chair
 * @param emptyMm    distance with nobody there (the wall behind the chair)
 */
public record SiteCalibration(int seatedMm, int standingMm, int emptyMm) {

    /** Sitting and standing must differ at least this much to be told apart through sensor noise. */
    public static final int MIN_POSTURE_GAP_MM = 120;
    /** A person must be at least this much nearer than the empty room. */
    public static final int MIN_PRESENCE_GAP_MM = 150;
    /** The reference layout (chair front 3.5 m from the kiosk, sensor 1.0 m high, wall 0.8 m behind the chair). */
    public static final SiteCalibration REFERENCE = new SiteCalibration(3700, 3400, 4500);

    public SiteCalibration {
        if (seatedMm <= 0 || standingMm <= 0 || emptyMm <= 0) {
            throw new IllegalArgumentException("calibration distances must be positive millimetres");
        }
        if (Math.abs(seatedMm - standingMm) < MIN_POSTURE_GAP_MM) {
            throw new IllegalArgumentException("sitting (" + seatedMm + " mm) and standing (" + standingMm
                    + " mm) are too close to tell apart; move the sensor to meet the chest of a seated person (at least "
                    + MIN_POSTURE_GAP_MM + " mm difference)");
        }
        if (emptyMm - Math.max(seatedMm, standingMm) < MIN_PRESENCE_GAP_MM) {
            throw new IllegalArgumentException("the empty room (" + emptyMm + " mm) is too close behind the chair ("
                    + seatedMm + " mm); leave at least " + MIN_PRESENCE_GAP_MM + " mm between the chair and the wall");
        }
    }

    /** Calibrates from readings taken while seated, standing and with nobody there (medians). */
    public static SiteCalibration fromReadings(List<Integer> seated, List<Integer> standing, List<Integer> empty) {
        return new SiteCalibration(median(seated, "seated"), median(standing, "standing"), median(empty, "empty"));
    }

    /** How far a reading is from seated (0) towards standing (1); beyond 1 is nearer still. */
    public double rise(int millimetres) {
        return (double) (seatedMm - millimetres) / (seatedMm - standingMm);
    }

    /** Whether a reading is of a person rather than the empty room. */
    public boolean present(int millimetres) {
        return millimetres <= emptyMm - MIN_PRESENCE_GAP_MM / 2;
    }

    private static int median(List<Integer> readings, String what) {
        if (readings == null || readings.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " readings to calibrate from");
        }
        int[] sorted = readings.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
