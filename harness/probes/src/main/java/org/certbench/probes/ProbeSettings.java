package org.certbench.probes;

import org.certbench.probes.login.LoginProbe;
import org.certbench.probes.net.ScanOptions;

/**
 * What the probes of a case may do, as the campaign's configuration sets it.
 *
 * <pre>{@code
 * new ProbeSettings(ScanOptions.DEFAULT, 100)
 * }</pre>
 *
 * @param scan TCP scan options
 * @param loginBudget the most login attempts one login-probe call makes
 */
public record ProbeSettings(ScanOptions scan, int loginBudget) {

    /** The defaults: {@link ScanOptions#DEFAULT} and 100 login attempts. */
    public static final ProbeSettings DEFAULT = new ProbeSettings(ScanOptions.DEFAULT, LoginProbe.DEFAULT_BUDGET);

    public ProbeSettings {
        if (loginBudget < 1) {
            throw new IllegalArgumentException("login budget must be at least 1: " + loginBudget);
        }
    }
}
