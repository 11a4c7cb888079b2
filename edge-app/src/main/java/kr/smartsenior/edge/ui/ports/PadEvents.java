package kr.smartsenior.edge.ui.ports;

import java.util.function.IntConsumer;

/**
 * Presses on the step mat's pads, used as a hands-free "yes" ("발판을 밟으면 시작합니다"): on every
 * screen that offers a main choice, any pad press chooses it; on a question, only a pad held
 * answers, with its main answer (decision 0028). Pads the running fitness test counts are the test
 * protocol's business; an adapter may forward every press here anyway, since the screens ignore pads
 * while a test is measuring.
 */
public interface PadEvents {

    /**
     * Delivers every press from now on to {@code listener}, with the pad's number (1 and up), on any
     * thread. Called once.
     */
    void start(IntConsumer listener);

    /**
     * Whether a foot is on this pad now (a question asks it a while after a press, to tell a held pad
     * from a quick press). A port that cannot tell says no: nothing is ever answered by a hold it cannot
     * see. Callable from any thread.
     */
    default boolean held(int pad) {
        return false;
    }
}
