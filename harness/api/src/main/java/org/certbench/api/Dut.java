package org.certbench.api;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.certbench.api.dut.Credentials;
import org.certbench.api.dut.DeviceIdentity;
import org.certbench.api.dut.Ics;
import org.certbench.api.dut.Interfaces;
import org.certbench.api.dut.Ixit;

/**
 * The device under test, as its profile describes it: identity, interfaces, credentials (by
 * reference), features, and the manufacturer's ICS and IXIT.
 *
 * <p>Immutable. The engine builds one per profile at discovery; a case receives it as a parameter.
 *
 * <pre>{@code
 * void onlyDeclaredPortsOpen(Dut dut, Probes probes) {
 *     NetworkInterface network = dut.interfaces().network().orElseThrow();
 *     Set<Integer> declared = network.declaredPorts(Transport.TCP);
 *     ...
 * }
 * }</pre>
 */
public final class Dut {

    private final DeviceIdentity identity;
    private final Interfaces interfaces;
    private final Credentials credentials;
    private final Map<Feature, Boolean> features;
    private final Ics ics;
    private final Ixit ixit;
    private final Path profile;

    private Dut(Builder builder) {
        this.identity = Objects.requireNonNull(builder.identity, "identity");
        this.interfaces = builder.interfaces;
        this.credentials = builder.credentials;
        this.features = Map.copyOf(builder.features);
        this.ics = builder.ics;
        this.ixit = builder.ixit;
        this.profile = Objects.requireNonNull(builder.profile, "profile");
    }

    /** Starts a device description; the engine's profile loader is the usual caller. */
    public static Builder builder() {
        return new Builder();
    }

    /** The device's logical id, stable across address changes: {@code acme-t1-0042}. */
    public String id() {
        return identity.id();
    }

    /** Manufacturer, model, firmware. */
    public DeviceIdentity identity() {
        return identity;
    }

    /** The interfaces the profile declares. */
    public Interfaces interfaces() {
        return interfaces;
    }

    /** Credentials by name; secrets are resolved only when revealed. */
    public Credentials credentials() {
        return credentials;
    }

    /**
     * Whether the profile declares the feature present ({@code true}), absent ({@code false}), or says
     * nothing (empty).
     */
    public Optional<Boolean> feature(Feature feature) {
        return Optional.ofNullable(features.get(feature));
    }

    /** The implementation conformance statement, per standard. */
    public Ics ics() {
        return ics;
    }

    /** The implementation extra information for testing, keyed by TS 103 701 IXIT names. */
    public Ixit ixit() {
        return ixit;
    }

    /** The profile file the device was described in. */
    public Path profile() {
        return profile;
    }

    @Override
    public String toString() {
        return "Dut[" + identity.id() + "]";
    }

    /** Builds a {@link Dut}. */
    public static final class Builder {
        private DeviceIdentity identity;
        private Interfaces interfaces = Interfaces.NONE;
        private Credentials credentials = Credentials.NONE;
        private final Map<Feature, Boolean> features = new EnumMap<>(Feature.class);
        private Ics ics = Ics.EMPTY;
        private Ixit ixit = Ixit.EMPTY;
        private Path profile;

        private Builder() {
        }

        public Builder identity(DeviceIdentity identity) {
            this.identity = identity;
            return this;
        }

        public Builder interfaces(Interfaces interfaces) {
            this.interfaces = interfaces;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder feature(Feature feature, boolean present) {
            this.features.put(feature, present);
            return this;
        }

        public Builder ics(Ics ics) {
            this.ics = ics;
            return this;
        }

        public Builder ixit(Ixit ixit) {
            this.ixit = ixit;
            return this;
        }

        public Builder profile(Path profile) {
            this.profile = profile;
            return this;
        }

        public Dut build() {
            return new Dut(this);
        }
    }
}
