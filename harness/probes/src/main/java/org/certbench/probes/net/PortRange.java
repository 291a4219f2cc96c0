package org.certbench.probes.net;

/**
 * An inclusive range of port numbers.
 *
 * <pre>{@code
 * PortRange.ALL          // 1-65535
 * PortRange.of(1, 1024)  // the well-known ports
 * }</pre>
 *
 * @param first first port, at least 1
 * @param last last port, at most 65535
 */
public record PortRange(int first, int last) {

    /** Every TCP or UDP port. */
    public static final PortRange ALL = new PortRange(1, 65535);

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range " + first + "-" + last + " is not within 1-65535");
        }
    }

    public static PortRange of(int first, int last) {
        return new PortRange(first, last);
    }

    /** How many ports the range holds. */
    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
