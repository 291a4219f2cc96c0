package org.certbench.api;

/**
 * Conditions of ETSI EN 303 645 that make a provision conditional; numbered as in the standard.
 *
 * <pre>{@code
 * @Provision(id = "5.3-2", level = Level.MANDATORY, conditions = Condition.UPDATE_NOT_CONSTRAINED)
 * }</pre>
 */
public enum Condition {
    /**
     * (0) A condition the provision states in its own text: EN 303 645 V2.1.1 marks such provisions
     * "M C" or "R C" without a numbered condition.
     */
    STATED(0),
    /** (3) The software is not updateable. */
    SOFTWARE_NOT_UPDATEABLE(3),
    /** (12) An update mechanism exists. */
    UPDATE_MECHANISM_EXISTS(12),
    /** (14) No resource constraint blocks brute-force protection. */
    BRUTE_FORCE_PROTECTION_NOT_CONSTRAINED(14),
    /** (15) No resource constraint blocks an update mechanism. */
    UPDATE_NOT_CONSTRAINED(15),
    /** (16) Critical security parameters exist. */
    CSPS_EXIST(16);

    private final int number;

    Condition(int number) {
        this.number = number;
    }

    /** The condition's number in the standard. */
    public int number() {
        return number;
    }

    /** The condition with the given number. */
    public static Condition ofNumber(int number) {
        for (Condition condition : values()) {
            if (condition.number == number) {
                return condition;
            }
        }
        throw new IllegalArgumentException("no condition numbered " + number);
    }
}
