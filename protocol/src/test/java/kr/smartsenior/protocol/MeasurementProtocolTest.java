package kr.smartsenior.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MeasurementProtocolTest {

    @Test
    void everyTestAndProgramHasExactlyOneProtocolAndItsIdReadsBack() {
        for (MeasurementCode code : MeasurementCode.values()) {
            long protocols = Arrays.stream(MeasurementProtocol.values()).filter(p -> p.code() == code).count();
            long expected = code.kind() == RecordKind.CHECK ? 0 : code == MeasurementCode.ONE_LEG_STANCE ? 2 : 1;
            assertThat(protocols).as(code.name()).isEqualTo(expected);
        }
        for (MeasurementProtocol protocol : MeasurementProtocol.values()) {
            assertThat(MeasurementProtocol.read(protocol.id())).isEqualTo(new MeasurementProtocol.Reading.Known(protocol));
            assertThat(protocol.id()).matches("[a-z0-9-]+/[0-9]+");
        }
    }

    @Test
    void earlierKioskIdsReadAsTheSameProcedure() {
        assertThat(MeasurementProtocol.read("sit-and-reach/1"))
                .isEqualTo(new MeasurementProtocol.Reading.Known(MeasurementProtocol.CHAIR_SIT_AND_REACH));
    }

    @Test
    void theKiosksProtocolForACodeIsTheUnsupportedOne() {
        assertThat(MeasurementProtocol.of(MeasurementCode.ONE_LEG_STANCE)).isEqualTo(MeasurementProtocol.ONE_LEG_STANCE);
    }

    @Test
    void correctedProceduresReadTheirEarlierVersionsAsSuperseded() {
        assertThat(MeasurementProtocol.read("timed-up-and-go/1")).isEqualTo(
                new MeasurementProtocol.Reading.Superseded(MeasurementProtocol.TIMED_UP_AND_GO, "timed-up-and-go/1"));
        assertThat(MeasurementProtocol.read("chair-stand-30s/1").describe()).contains("chair-stand-30s/2");
    }

    @Test
    void otherVersionsAndStrangersAreToldApart() {
        assertThat(MeasurementProtocol.read("chair-stand-30s/3"))
                .isEqualTo(new MeasurementProtocol.Reading.OtherVersion(MeasurementProtocol.CHAIR_STAND_30S, "3"));
        assertThat(MeasurementProtocol.read("floor-sit-and-reach/1")).isInstanceOf(MeasurementProtocol.Reading.Unknown.class);
        assertThat(MeasurementProtocol.read(7)).isInstanceOf(MeasurementProtocol.Reading.Unknown.class);
        assertThat(MeasurementProtocol.read(null)).isInstanceOf(MeasurementProtocol.Reading.Absent.class);
        assertThat(MeasurementProtocol.read("x".repeat(500)).describe()).hasSizeLessThan(100);
    }
}
