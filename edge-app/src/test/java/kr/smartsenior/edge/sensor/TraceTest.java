package kr.smartsenior.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    void csvKeepsEveryKindOfEventInTimeOrder() {
        Trace trace = Trace.read(new StringReader("""
                # t_ms,channel,value
                40,pad2,up
                0,distance,3700
                20,distance,none
                20.5,pad2,down
                60,distance,weak
                80,distance,saturated
                """));

        assertThat(trace.events()).containsExactly(
                new Trace.Distance(0, 3700, DistanceSample.Quality.GOOD),
                new Trace.Distance(20_000_000, -1, DistanceSample.Quality.NO_DATA),
                new Trace.Pad(20_500_000, 2, true),
                new Trace.Pad(40_000_000, 2, false),
                new Trace.Distance(60_000_000, -1, DistanceSample.Quality.WEAK),
                new Trace.Distance(80_000_000, -1, DistanceSample.Quality.SATURATED));
        StringWriter out = new StringWriter();
        trace.write(out);
        assertThat(Trace.read(new StringReader(out.toString()))).isEqualTo(trace);
        assertThat(out.toString()).startsWith(Trace.HEADER).contains("20.500,pad2,down");
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() {
        for (String bad : List.of("0,distance", "x,distance,3700", "-5,distance,3700", "0,distance,far", "0,pad0,down",
                "0,pad1,maybe", "0,camera,on", "0,padX,up", "0,distance,-20")) {
            assertThatThrownBy(() -> Trace.read(new StringReader("# header\n" + bad + "\n")))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        }
    }
}
