package kr.smartsenior.protocol;

/**
 * Where a test result lies against the usual range of people of the same sex and age, as the server
 * grades it ({@link BandCutoffs#band}); a result the server does not grade has no band at all.
 */
public enum ResultBand {
    /** short of the usual range (국민체력100: below grade 3; SFT: below the 25th percentile) */
    BELOW,
    /** within the usual range */
    WITHIN,
    /** beyond the usual range (국민체력100 grade 1; SFT: above the 75th percentile) */
    ABOVE;

    /** The band with this exact wire name, or null (a newer server's band this build does not know). */
    static ResultBand fromWire(String text) {
        for (ResultBand band : values()) {
            if (band.name().equals(text)) {
                return band;
            }
        }
        return null;
    }
}
