package kr.smartsenior.server.e2e;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.smartsenior.server.ingest.AckPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A server that dies between commit and ack: the ack publisher is only called after the records are
 * committed, so when it is first called it sends nothing and shuts the whole server down (broker
 * included, in the embedded setup). Not a {@code @Configuration}, so component scanning never picks it
 * up; pass it to {@code startServer} as a source.
 */
class CrashBetweenCommitAndAck {

    private static volatile CountDownLatch crashed = new CountDownLatch(1);

    /** Call before starting the server; the latch opens once the server has gone down. */
    static CountDownLatch arm() {
        crashed = new CountDownLatch(1);
        return crashed;
    }

    @Bean
    @Primary
    AckPublisher crashingBeforeTheFirstAck(ConfigurableApplicationContext context) {
        AtomicBoolean crashing = new AtomicBoolean();
        return (siteId, deviceId, ack) -> {
            if (crashing.compareAndSet(false, true)) {
                CountDownLatch done = crashed;
                Thread shutdown = new Thread(() -> {
                    context.close();
                    done.countDown();
                }, "e2e-crash");
                shutdown.start();
            }
            // the ack is lost: the server is going down
        };
    }
}
