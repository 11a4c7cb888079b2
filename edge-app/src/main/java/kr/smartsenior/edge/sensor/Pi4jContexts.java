package kr.smartsenior.edge.sensor;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;

/**
 * The one place a Pi4J context is made: on a Raspberry Pi with the real providers (gpiod for the
 * pads, linuxfs for I2C), anywhere else with Pi4J's mock providers, so the same drivers run in
 * tests and on a laptop. Close the context with {@link Context#shutdown()}.
 */
public final class Pi4jContexts {

    private Pi4jContexts() {
    }

    /** Real providers on a Pi, mock providers elsewhere. */
    public static Context create() {
        return onRaspberryPi() ? hardware() : mock();
    }

    /** Whether this machine is a Raspberry Pi (Pi4J's board detection). */
    public static boolean onRaspberryPi() {
        try {
            return BoardInfoHelper.runningOnRaspberryPi();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** gpiod (GPIO character device) and linuxfs (/dev/i2c-N) providers. */
    public static Context hardware() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(GpioDDigitalInputProvider.newInstance(), LinuxFsI2CProvider.newInstance())
                .build();
    }

    /**
     * Mock providers: a test drives a pad with {@code ((MockDigitalInput) input).mockState(LOW)} and
     * feeds I2C registers with {@code ((MockI2C) device).writeRegister(...)} (each register is a
     * queue: what is written is read back in order).
     */
    public static Context mock() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockI2CProvider.newInstance())
                .build();
    }

    /** The distance sensor's I2C device on this context. */
    public static I2C i2c(Context pi4j, int bus, int address) {
        return pi4j.create(I2C.newConfigBuilder(pi4j)
                .id("ssc-i2c-" + bus + "-" + Integer.toHexString(address))
                .name("distance sensor")
                .bus(bus)
                .device(address)
                .build());
    }
}
