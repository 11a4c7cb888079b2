package kr.smartsenior.server.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundWorkerTest {

    /** Records what it was asked to do and whether it counted as running then. */
    private static final class Recording extends BackgroundWorker {
        final List<String> calls = new ArrayList<>();

        Recording(Worker worker) {
            super(worker);
        }

        @Override
        protected void startWork() {
            calls.add("start, running " + isRunning());
        }

        @Override
        protected void stopWork() {
            calls.add("stop, running " + isRunning());
        }
    }

    @Test
    void runningCoversTheWorkFromJustBeforeStartToJustBeforeStop() {
        Recording worker = new Recording(Worker.ROSTER);
        assertThat(worker.isRunning()).isFalse();

        worker.start();
        assertThat(worker.isRunning()).isTrue();
        worker.stop();

        assertThat(worker.isRunning()).isFalse();
        assertThat(worker.calls).containsExactly("start, running true", "stop, running false");
    }

    @Test
    void theWorkersPhaseIsItsLifecyclePhase() {
        assertThat(new Recording(Worker.DERIVED).getPhase()).isEqualTo(Worker.DERIVED.phase());
        assertThat(new Recording(Worker.DEVICE_CONFIG).getPhase()).isEqualTo(Worker.DEVICE_CONFIG.phase());
    }

    @Test
    void threadsAreNamedAfterTheWorker() throws InterruptedException {
        AtomicReference<String> name = new AtomicReference<>();
        Thread thread = new Recording(Worker.INGEST).namedThread().start(() -> name.set(Thread.currentThread().getName()));
        thread.join(5_000);

        assertThat(name).hasValue("ssc-ingest");
    }

    @Test
    void aWorkerWithoutAThreadOfItsOwnCannotMakeOne() {
        assertThatThrownBy(() -> new Recording(Worker.DEVICE_CONFIG).namedThread())
                .isInstanceOf(IllegalStateException.class);
    }
}
