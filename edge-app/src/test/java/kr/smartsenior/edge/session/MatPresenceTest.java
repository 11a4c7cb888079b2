package kr.smartsenior.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import kr.smartsenior.edge.sensor.PadEvent;
import org.junit.jupiter.api.Test;

class MatPresenceTest {

    private final FakeMat mat = new FakeMat(4);
    private final MatPresence feet = new MatPresence(mat);

    @Test
    void resetCountsWhatAlreadyHoldsFromNow() {
        mat.set(MatPresence.LEFT, true, 0);
        mat.set(MatPresence.RIGHT, true, 0);

        feet.reset(500);

        assertThat(feet.onHome()).isTrue();
        assertThat(feet.homeSince()).isEqualTo(500);
        assertThat(feet.offSince()).isEqualTo(-1);
        assertThat(feet.homeEmptySince()).isEqualTo(-1);
    }

    @Test
    void steppingOffCountsFromTheLastFootLeavingAndEndsWithAnyPad() {
        mat.set(MatPresence.LEFT, true, 0);
        mat.set(MatPresence.RIGHT, true, 0);
        feet.reset(0);

        feet.note(mat.set(MatPresence.LEFT, false, 100));
        assertThat(feet.homeSince()).isEqualTo(-1);
        assertThat(feet.offSince()).isEqualTo(-1);
        feet.note(mat.set(MatPresence.RIGHT, false, 200));
        assertThat(feet.offSince()).isEqualTo(200);
        assertThat(feet.homeEmptySince()).isEqualTo(200);
        feet.note(mat.set(3, true, 300)); // the back pad: on the mat, but not on the home pads
        assertThat(feet.offSince()).isEqualTo(-1);
        assertThat(feet.homeEmptySince()).isEqualTo(200);
    }

    @Test
    void bothFeetBackCountFromTheSecondFootAndLaterEventsKeepThatTime() {
        feet.reset(0);
        assertThat(feet.offSince()).isZero();

        feet.note(mat.set(MatPresence.LEFT, true, 100));
        feet.note(mat.set(MatPresence.RIGHT, true, 250));
        feet.note(mat.set(4, true, 400));

        assertThat(feet.homeSince()).isEqualTo(250);
        assertThat(feet.homeEmptySince()).isEqualTo(-1);
    }

    @Test
    void padsBeyondTheMatAreNeverPressed() {
        FakeMat onePad = new FakeMat(1);
        onePad.set(1, true, 0);

        MatPresence presence = new MatPresence(onePad);

        assertThat(presence.pressed(1)).isTrue();
        assertThat(presence.pressed(2)).isFalse();
        assertThat(presence.onHome()).isFalse();
        assertThat(presence.anyPressed()).isTrue();
    }

    @Test
    void onlyAFootLeavingAHomePadIsLeavingHome() {
        assertThat(MatPresence.leftHome(new PadEvent(MatPresence.LEFT, false, 5))).isTrue();
        assertThat(MatPresence.leftHome(new PadEvent(MatPresence.RIGHT, false, 5))).isTrue();
        assertThat(MatPresence.leftHome(new PadEvent(MatPresence.RIGHT, true, 5))).isFalse();
        assertThat(MatPresence.leftHome(new PadEvent(3, false, 5))).isFalse();
    }
}
