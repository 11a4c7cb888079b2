package kr.smartsenior.server.validation;

import java.util.List;

/**
 * Agreement of paired measurements by two methods (Bland &amp; Altman, Lancet 1986;i:307-310): the
 * differences {@code kiosk - hand}, their mean (bias) and standard deviation, the 95 % limits of
 * agreement {@code mean ± 1.96 SD}, and the approximate 95 % confidence half-width of each limit,
 * {@code 1.96 · sqrt(3 SD² / n)} (their standard error of a limit).
 *
 * @param n                  number of pairs
 * @param meanDifference     mean of kiosk - hand
 * @param sd                 sample standard deviation of the differences (n - 1)
 * @param lowerLimit         mean - 1.96 SD
 * @param upperLimit         mean + 1.96 SD
 * @param limitCiHalfWidth   1.96 · sqrt(3 SD² / n)
 */
record Agreement(int n, double meanDifference, double sd, double lowerLimit, double upperLimit,
        double limitCiHalfWidth) {

    static final double Z95 = 1.96;

    /** The agreement of these pairs; at least two are needed for a standard deviation. */
    static Agreement of(List<double[]> pairs) {
        int n = pairs.size();
        if (n < 2) {
            throw new IllegalArgumentException("agreement needs at least 2 pairs, got " + n);
        }
        double sum = 0;
        for (double[] pair : pairs) {
            sum += pair[0] - pair[1];
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] pair : pairs) {
            double deviation = pair[0] - pair[1] - mean;
            squares += deviation * deviation;
        }
        double sd = Math.sqrt(squares / (n - 1));
        return new Agreement(n, mean, sd, mean - Z95 * sd, mean + Z95 * sd, Z95 * Math.sqrt(3 * sd * sd / n));
    }

    /**
     * Whether both limits, widened by their confidence half-width, lie within {@code ± threshold}:
     * 95 % of the kiosk's differences from hand timing are smaller than the test's smallest real change,
     * even at the pessimistic end of the limits' confidence intervals.
     */
    boolean within(double threshold) {
        return upperLimit + limitCiHalfWidth <= threshold + 1e-9 && lowerLimit - limitCiHalfWidth >= -threshold - 1e-9;
    }
}
