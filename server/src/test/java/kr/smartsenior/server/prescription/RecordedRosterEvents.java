package kr.smartsenior.server.prescription;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.smartsenior.server.roster.RosterChanged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Records every {@link RosterChanged} the server publishes. Not a {@code @Configuration}, so
 * scanning never picks it up: pass it to {@code TestServer} as a source.
 */
class RecordedRosterEvents {

    /** The recorder bean. */
    static final class Recorder {

        private final List<RosterChanged> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(RosterChanged event) {
            events.add(event);
        }

        List<RosterChanged> events() {
            return List.copyOf(events);
        }

        void clear() {
            events.clear();
        }
    }

    @Bean
    Recorder rosterEventRecorder() {
        return new Recorder();
    }
}
