package kr.smartsenior.edge.exercise;

import java.util.Arrays;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.RestrictionCode;

/** The kiosk's exercise programs; each is recorded under its own catalogue code. */
public enum Program {
    STEP_JUMP(MeasurementProtocol.STEP_JUMP),
    BALANCE(MeasurementProtocol.BALANCE),
    INTERVAL(MeasurementProtocol.INTERVAL);

    /** Levels are 1 to this, as the prescription gives them. */
    public static final int MAX_LEVEL = RestrictionCode.MAX_LEVEL;

    private final MeasurementProtocol protocol;

    Program(MeasurementProtocol protocol) {
        this.protocol = protocol;
    }

    /** The catalogue code its records carry. */
    public MeasurementCode code() {
        return protocol.code();
    }

    /** Protocol identifier with a version, kept in the record's detail. */
    public String protocol() {
        return protocol.id();
    }

    /** The program recorded under this catalogue code, if it is one. */
    public static Optional<Program> of(MeasurementCode code) {
        return Arrays.stream(values()).filter(p -> p.code() == code).findFirst();
    }

    public String koreanName() {
        return protocol.code().koreanName();
    }
}
