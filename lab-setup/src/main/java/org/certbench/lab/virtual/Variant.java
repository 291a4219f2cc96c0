package org.certbench.lab.virtual;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A virtual device variant: a name and the flaws it has. The same variant runs in a container or
 * in the JVM; both listen on the same ports, so one profile (address aside) describes both.
 *
 * <pre>{@code
 * Variant.secure();                          // passes every automated case it can
 * Variant.flawed();                          // every flaw at once
 * Variant.only(Flaw.DEBUG_PORT);             // "flaw-debug-port": fails 5.6-1 alone
 * }</pre>
 *
 * @param name {@code secure}, {@code flawed} or {@code flaw-<id>}
 * @param flaws its flaws
 * @param index its position in {@link #all()}, which gives its in-JVM address 127.0.10.(index+1)
 */
public record Variant(String name, Set<Flaw> flaws, int index) {

    /** TCP ports, the same in every form of the device. */
    public static final int HTTPS = 8443;
    public static final int HTTP = 8080;
    public static final int MQTTS = 8883;
    public static final int MQTT = 1883;
    public static final int TELNET = 2323;
    public static final int CONSOLE = 4000;
    public static final int DEBUG = 9999;
    public static final int STATUS = 7070;
    /** UDP ports. */
    public static final int COAPS = 5684;
    public static final int COAP = 5683;

    public Variant {
        Objects.requireNonNull(name, "name");
        flaws = flaws.isEmpty() ? EnumSet.noneOf(Flaw.class) : EnumSet.copyOf(flaws);
    }

    /** The secure device. */
    public static Variant secure() {
        return all().get(0);
    }

    /** The device with every flaw. */
    public static Variant flawed() {
        return all().get(1);
    }

    /** The variant with this one flaw. */
    public static Variant only(Flaw flaw) {
        return all().get(2 + flaw.ordinal());
    }

    /** Every variant: secure, flawed, then one per flaw. */
    public static List<Variant> all() {
        List<Variant> all = new ArrayList<>();
        all.add(new Variant("secure", Set.of(), 0));
        all.add(new Variant("flawed", EnumSet.allOf(Flaw.class), 1));
        for (Flaw flaw : Flaw.values()) {
            all.add(new Variant("flaw-" + flaw.id(), EnumSet.of(flaw), all.size()));
        }
        return List.copyOf(all);
    }

    /**
     * The {@code n}-th copy (from 0) of the flawed device, for a bench of many alike devices (the scaling
     * benchmark): the same flaws under a name and loopback address of its own (127.0.10.17 on).
     *
     * <pre>{@code
     * InJvmBench.start(IntStream.range(0, 16).mapToObj(Variant::flawedCopy).toList(), dir);
     * }</pre>
     */
    public static Variant flawedCopy(int n) {
        if (n < 0 || n >= COPIES) {
            throw new IllegalArgumentException("copies are numbered 0 to " + (COPIES - 1) + ": " + n);
        }
        return new Variant("flawed-" + (n + 1), EnumSet.allOf(Flaw.class), all().size() + n);
    }

    /** How many copies there can be: their addresses end before the hostile devices' (127.0.10.41 on). */
    public static final int COPIES = 24;

    /** The variant with this name. */
    public static Optional<Variant> named(String name) {
        return all().stream().filter(v -> v.name.equals(name)).findFirst();
    }

    /** Whether it has this flaw. */
    public boolean has(Flaw flaw) {
        return flaws.contains(flaw);
    }

    /** The device id in profiles and reports. */
    public String deviceId() {
        return "virtual-" + name;
    }

    /** Its address on the in-JVM bench: its own loopback address, so each device is a host of its own. */
    public String inJvmAddress() {
        return "127.0.10." + (index + 1);
    }

    /** The flaws as the container's {@code CERTBENCH_FLAWS} spells them. */
    public String flawList() {
        return flaws.stream().map(Flaw::id).collect(Collectors.joining(","));
    }
}
