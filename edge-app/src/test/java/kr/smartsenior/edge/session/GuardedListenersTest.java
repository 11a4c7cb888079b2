package kr.smartsenior.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class GuardedListenersTest {

    @Test
    void aListenerThatThrowsDoesNotKeepTheOthersFromHearing() {
        List<String> heard = new ArrayList<>();
        GuardedListeners<Consumer<String>> listeners = new GuardedListeners<>(
                LoggerFactory.getLogger(GuardedListenersTest.class), "a listener failed (as this test wants)");
        listeners.add(heard::add);
        listeners.add(event -> {
            throw new IllegalStateException("a broken screen");
        });
        listeners.add(event -> heard.add(event + " again"));

        listeners.tell(listener -> listener.accept("go"));
        listeners.tell(listener -> listener.accept("stop"));

        assertThat(heard).containsExactly("go", "go again", "stop", "stop again");
    }
}
