package kr.smartsenior.server.fitness;

/**
 * A published normal range (25th to 75th percentile) of one test for one sex and age band. The
 * percentile and the grade are estimates from these two percentiles under a normal-distribution
 * assumption: mean = (P25 + P75) / 2, SD = (P75 - P25) / 1.349.
 */
record NormalRange(String test, String sex, int ageFrom, int ageTo, double low, double high, boolean lowerIsBetter,
        String unit) {

    /** z of the 70th percentile: grade 1 is the top 30 %. */
    static final double Z_P70 = 0.5244;
    /** Width of the interquartile range in standard deviations of a normal distribution. */
    static final double IQR_IN_SD = 1.349;

    Band band(double value) {
        if (value < low) {
            return lowerIsBetter ? Band.ABOVE : Band.BELOW;
        }
        if (value > high) {
            return lowerIsBetter ? Band.BELOW : Band.ABOVE;
        }
        return Band.WITHIN;
    }

    /** How many SDs better than the mean (negative: worse). */
    double z(double value) {
        double mean = (low + high) / 2;
        double sd = (high - low) / IQR_IN_SD;
        double z = (value - mean) / sd;
        return lowerIsBetter ? -z : z;
    }

    /** Estimated percentile, 1 to 99 (a higher percentile is always better). */
    int percentile(double value) {
        long p = Math.round(StandardNormal.cdf(z(value)) * 100);
        return (int) Math.max(1, Math.min(99, p));
    }

    /** Derived 국민체력100-style grade: 1 (top 30 %), 2 (30-50 %), 3 (50-70 %), or null below that. */
    Integer grade(double value) {
        double z = z(value);
        if (z >= Z_P70 - 1e-9) {
            return 1;
        }
        if (z >= -1e-9) {
            return 2;
        }
        if (z >= -Z_P70 - 1e-9) {
            return 3;
        }
        return null;
    }

    /** "여성 75-79세 보통 범위(25-75 백분위) 10-15회" */
    String describe() {
        return "%s %d-%d세 보통 범위(25-75 백분위) %s-%s".formatted(Units.sex(sex), ageFrom, ageTo, Numbers.plain(low),
                Units.value(high, unit));
    }
}
