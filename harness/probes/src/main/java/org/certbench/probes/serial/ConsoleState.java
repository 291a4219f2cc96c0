package org.certbench.probes.serial;

/**
 * What a device's console offers to whoever plugs in.
 *
 * <pre>{@code
 * ConsoleState state = probes.serial().classify(endpoint);
 * Verdicts.failIf(state.kind() == ConsoleState.Kind.ROOT_SHELL, "the console gives a root shell without login: %s", state.evidence());
 * }</pre>
 *
 * @param kind login prompt, a shell (root or not), a bootloader prompt, silence, or something else
 * @param evidence the last lines the console showed (and the answer to {@code id} for a shell)
 */
public record ConsoleState(Kind kind, String evidence) {

    /** Kinds of console. */
    public enum Kind {
        LOGIN_PROMPT,
        ROOT_SHELL,
        USER_SHELL,
        BOOTLOADER,
        SILENT,
        OTHER
    }
}
