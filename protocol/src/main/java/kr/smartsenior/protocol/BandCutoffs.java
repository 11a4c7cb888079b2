package kr.smartsenior.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cut-offs the server grades one test by, for one member (their sex and this year's age), so a
 * kiosk gives the band the server will give ({@link #band}) without knowing the member's age or sex.
 * Only results taken by {@code protocol} are banded: the norm is for that procedure.
 *
 * <pre>{@code
 * {"code": "CHAIR_STAND_30S", "protocol": "chair-stand-30s/2", "withinAt": 12, "aboveAt": 18}
 * }</pre>
 *
 * <p>"Reaching" a cut-off is being at it or better: at least it when higher is better, at most it when
 * lower is better (times).
 *
 * @param code          the test
 * @param protocol      the procedure the norm grades ({@link MeasurementProtocol#id()}); results taken
 *                      otherwise get no band
 * @param lowerIsBetter a time: less is better (left out on the wire when false)
 * @param withinAt      the least result (for times the most) within the usual range: a result short of
 *                      it is {@link ResultBand#BELOW}
 * @param aboveAt       a result reaching this is {@link ResultBand#ABOVE} (국민체력100 grade 1, "이상"/"이하");
 *                      or null
 * @param aboveBeyond   a result strictly past this is {@link ResultBand#ABOVE} (the SFT 75th percentile); or
 *                      null. At most one of the two is set; with neither the test has no ABOVE band (the
 *                      norm only says low or not low: TUG, grip)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BandCutoffs(MeasurementCode code, String protocol,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean lowerIsBetter, BigDecimal withinAt,
        BigDecimal aboveAt, BigDecimal aboveBeyond) {

    public BandCutoffs {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(withinAt, "withinAt");
        if (aboveAt != null && aboveBeyond != null) {
            throw new IllegalArgumentException(code + ": aboveAt or aboveBeyond, not both");
        }
        BigDecimal above = aboveAt != null ? aboveAt : aboveBeyond;
        if (above != null && reaches(withinAt, above, lowerIsBetter) && withinAt.compareTo(above) != 0) {
            throw new IllegalArgumentException(code + ": the above cut-off must be better than withinAt");
        }
    }

    /** The band of a result taken by {@link #protocol}, exactly as the server's grader gives it. */
    public ResultBand band(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (!reaches(value, withinAt, lowerIsBetter)) {
            return ResultBand.BELOW;
        }
        if (aboveAt != null && reaches(value, aboveAt, lowerIsBetter)) {
            return ResultBand.ABOVE;
        }
        if (aboveBeyond != null && reaches(value, aboveBeyond, lowerIsBetter) && value.compareTo(aboveBeyond) != 0) {
            return ResultBand.ABOVE;
        }
        return ResultBand.WITHIN;
    }

    private static boolean reaches(BigDecimal value, BigDecimal cut, boolean lowerIsBetter) {
        int c = value.compareTo(cut);
        return lowerIsBetter ? c <= 0 : c >= 0;
    }
}
