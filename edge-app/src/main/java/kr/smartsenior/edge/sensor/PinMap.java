package kr.smartsenior.edge.sensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/**
 * Which pins the kiosk's sensors are wired to, from the hardware revision's pin map
 * ({@code firmware/pinmap.properties} in firmware-config, or a file named by {@code SSC_PIN_MAP}).
 *
 * @param revision        hardware revision the map describes
 * @param padPins         BCM GPIO of each pad, pad 1 first
 * @param distanceBus     I2C bus of the distance sensor ({@code /dev/i2c-N})
 * @param distanceAddress its 7-bit I2C address
 */
public record PinMap(String revision, List<Integer> padPins, int distanceBus, int distanceAddress) {

    /** The reference hardware's map, shipped in the firmware-config jar. */
    public static final String RESOURCE = "firmware/pinmap.properties";
    public static final int MIN_PADS = 4;

    public PinMap {
        padPins = List.copyOf(padPins);
        if (padPins.size() < MIN_PADS) {
            throw new IllegalArgumentException("a step mat has at least " + MIN_PADS + " pads, the pin map names "
                    + padPins.size());
        }
    }

    /** The reference map from the classpath. */
    public static PinMap reference() {
        try (InputStream in = PinMap.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SensorException("the pin map " + RESOURCE + " is not on the classpath (firmware-config jar missing?)");
            }
            return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The map this kiosk's wiring follows: the file {@code SSC_PIN_MAP} names when there is one, else
     * the map shipped for {@code revision} (the provisioning bundle's {@code pinMapRevision}, in
     * {@code SSC_PIN_MAP_REVISION}; none means the reference map). Shipped maps are the reference
     * ({@value #RESOURCE}) and {@code firmware/pinmap-<revision>.properties} for other revisions.
     *
     * @throws SensorException when there is no map for the revision or the file cannot be read
     */
    public static PinMap select(Optional<Path> file, Optional<String> revision) {
        if (file.isPresent()) {
            PinMap map = load(file.get());
            if (revision.isPresent() && !revision.get().equals(map.revision())) {
                LoggerFactory.getLogger(PinMap.class).warn("the pin map {} describes revision {}, the device was provisioned"
                        + " for {}; using the file", file.get(), map.revision(), revision.get());
            }
            return map;
        }
        PinMap reference = reference();
        if (revision.isEmpty() || revision.get().equals(reference.revision())) {
            return reference;
        }
        String resource = "firmware/pinmap-" + revision.get() + ".properties";
        try (InputStream in = PinMap.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SensorException("no pin map for hardware revision '" + revision.get() + "' in this kiosk software"
                        + " (it has " + reference.revision() + "); set SSC_PIN_MAP to that revision's pin map file");
            }
            return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SensorException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** A map from a file (SSC_PIN_MAP). */
    public static PinMap load(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in);
        } catch (IOException e) {
            throw new SensorException("cannot read the pin map " + file + ": " + e.getMessage(), e);
        }
    }

    static PinMap parse(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        List<Integer> pads = new ArrayList<>();
        for (int pad = 1; p.containsKey("pad." + pad + ".gpio"); pad++) {
            pads.add(number(p, "pad." + pad + ".gpio"));
        }
        return new PinMap(p.getProperty("hardware.revision", "?"), pads, number(p, "distance.i2c.bus"),
                number(p, "distance.i2c.address"));
    }

    private static int number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new SensorException("the pin map has no " + key);
        }
        String text = value.strip();
        try {
            return text.startsWith("0x") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SensorException("pin map " + key + " is not a number: '" + value + "'");
        }
    }
}
