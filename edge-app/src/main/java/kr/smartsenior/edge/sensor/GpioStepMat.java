package kr.smartsenior.edge.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step mat on GPIO: each pad a switch to ground on an input with the internal pull-up, so a
 * pressed pad reads LOW and an unplugged one reads released. Pi4J's own debounce is off (the mock
 * provider has none): {@link PadDebouncer} does it the same way for every provider.
 */
public final class GpioStepMat extends DebouncedStepMat {

    private static final Logger log = LoggerFactory.getLogger(GpioStepMat.class);

    private final SensorLoop loop;
    private final List<DigitalInput> inputs = new ArrayList<>();
    private final List<DigitalStateChangeListener> pinListeners = new ArrayList<>();

    /**
     * Claims one input per pad.
     *
     * @param pi4j     the context from {@link Pi4jContexts}
     * @param padPins  BCM GPIO numbers, pad 1 first
     * @param loop     where events are delivered
     * @param debounce how long a new level must hold
     */
    public GpioStepMat(Context pi4j, List<Integer> padPins, SensorLoop loop, Duration debounce) {
        super(new PadDebouncer(loop, padPins.size(), debounce));
        this.loop = loop;
        try {
            for (int i = 0; i < padPins.size(); i++) {
                int pad = i + 1;
                DigitalInputConfig config = DigitalInput.newConfigBuilder(pi4j)
                        .id("ssc-pad-" + pad)
                        .name("step mat pad " + pad)
                        .address(padPins.get(i))
                        .pull(PullResistance.PULL_UP)
                        .debounce(0L)
                        .build();
                DigitalInput input = pi4j.create(config);
                DigitalStateChangeListener listener = change -> edge(pad, change.state());
                inputs.add(input);
                pinListeners.add(listener);
                input.addListener(listener);
            }
        } catch (RuntimeException e) {
            close();
            throw new SensorException("cannot claim the step mat's GPIO pins " + padPins + ": " + e.getMessage(), e);
        }
        long now = loop.nanos();
        List<Integer> pressedAtStart = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            boolean pressed = isPressed(inputs.get(i).state());
            int pad = i + 1;
            loop.execute(() -> debouncer.initial(pad, pressed, now));
            if (pressed) {
                pressedAtStart.add(pad);
            }
        }
        if (!pressedAtStart.isEmpty()) {
            log.warn("step mat pads {} are pressed at start-up (someone on the mat, or stuck)", pressedAtStart);
        }
        log.info("step mat on GPIO {} ({} pads, debounce {} ms)", padPins, padPins.size(), debounce.toMillis());
    }

    /** Pressed pulls the pin to ground. */
    static boolean isPressed(DigitalState state) {
        return state == DigitalState.LOW;
    }

    private void edge(int pad, DigitalState state) {
        long at = loop.nanos(); // stamped on the provider's thread, as close to the edge as Java gets
        boolean pressed = isPressed(state);
        loop.execute(() -> debouncer.edge(pad, pressed, at));
    }

    @Override
    public void close() {
        for (int i = 0; i < inputs.size(); i++) {
            DigitalInput input = inputs.get(i);
            try {
                input.removeListener(pinListeners.get(i));
            } catch (RuntimeException e) {
                log.debug("could not release {}: {}", input.id(), e.getMessage());
            }
        }
        inputs.clear();
        pinListeners.clear();
    }
}
