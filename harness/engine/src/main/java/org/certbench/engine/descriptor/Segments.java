package org.certbench.engine.descriptor;

import org.junit.platform.engine.UniqueId;

/**
 * The unique-id segment types of the certbench tree, and how ids are built from logical ids.
 *
 * <pre>{@code
 * UniqueId device = Segments.deviceId(engineId, "acme-t1-0042");
 * }</pre>
 */
public final class Segments {

    public static final String ENGINE_ID = "certbench";
    public static final String DEVICE = "device";
    public static final String STANDARD = "standard";
    public static final String PROVISION = "provision";
    public static final String CASE = "case";
    public static final String FINDING = "finding";

    private Segments() {
    }

    public static UniqueId deviceId(UniqueId engine, String device) {
        return engine.append(DEVICE, device);
    }

    /** The value of the first segment of the given type, or null. */
    public static String value(UniqueId id, String type) {
        for (UniqueId.Segment segment : id.getSegments()) {
            if (segment.getType().equals(type)) {
                return segment.getValue();
            }
        }
        return null;
    }
}
