package org.certbench.api;

/**
 * The two kinds of test case in ETSI TS 103 701.
 *
 * <pre>{@code
 * @TestCase(id = "5.6-1-1", assessment = Assessment.CONCEPTUAL)
 * }</pre>
 */
public enum Assessment {
    /** The IXIT design conforms to the provision; judged from documents, often by a person. */
    CONCEPTUAL,
    /** The device, its services or processes behave as declared; checked against the device. */
    FUNCTIONAL
}
