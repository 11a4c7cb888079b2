package kr.smartsenior.server.fitness;

import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;
import org.springframework.stereotype.Component;

/**
 * The smallest real change of each test ({@code measurement-error.csv}) for other features: 검증 측정
 * accepts a kiosk's agreement with hand timing only within it.
 */
@Component
public final class SmallestRealChange {

    private final NormTables norms;

    SmallestRealChange(NormTables norms) {
        this.norms = norms;
    }

    /**
     * One test's smallest real change, in the test's unit.
     *
     * @param provisional a project placeholder, not a published value
     */
    public record Threshold(double value, boolean provisional, String source) {
    }

    /** An absolute threshold for this test, if it has one (weight's is relative and has none here). */
    public Optional<Threshold> of(MeasurementCode code) {
        return norms.error(code).filter(e -> !e.relative())
                .map(e -> new Threshold(e.threshold(), e.provisional(), e.source()));
    }
}
