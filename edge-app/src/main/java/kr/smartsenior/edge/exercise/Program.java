package kr.smartsenior.edge.exercise;

import java.util.Arrays;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;

/** The kiosk's exercise programs; each is recorded under its own catalogue code. */
public enum Program {
    STEP_JUMP(MeasurementCode.STEP_JUMP, "step-jump/1"),
    BALANCE(MeasurementCode.BALANCE, "balance/1"),
    INTERVAL(MeasurementCode.INTERVAL, "interval/1");

    /** Levels are 1 to this, as the prescription gives them. */
    public static final int MAX_LEVEL = 5;

    private final MeasurementCode code;
    private final String protocol;

    Program(MeasurementCode code, String protocol) {
        this.code = code;
        this.protocol = protocol;
    }

    /** The catalogue code its records carry. */
    public MeasurementCode code() {
        return code;
    }

    /** Protocol identifier with a version, kept in the record's detail. */
    public String protocol() {
        return protocol;
    }

    public String koreanName() {
        return code.koreanName();
    }

    /** The program with this catalogue code ({@code "STEP_JUMP"}), if any. */
    public static Optional<Program> of(String code) {
        return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst();
    }
}
