package org.certbench.probes;

import java.time.Duration;
import org.certbench.probes.login.LoginProbe;
import org.certbench.probes.net.ScanOptions;

/**
 * What the probes of a case may do, as the campaign's configuration sets it.
 *
 * <pre>{@code
 * new ProbeSettings(ScanOptions.DEFAULT, 100, Duration.ofMinutes(30))
 * }</pre>
 *
 * @param scan TCP scan options
 * @param loginBudget the most login attempts one login-probe call makes
 * @param scanReuse how long a complete scan made for one case is reused by the campaign's later cases
 *     ({@link org.certbench.probes.net.ScanMemory}); zero scans afresh for every case
 */
public record ProbeSettings(ScanOptions scan, int loginBudget, Duration scanReuse) {

    /** The defaults: {@link ScanOptions#DEFAULT}, 100 login attempts, scans reused for 30 minutes. */
    public static final ProbeSettings DEFAULT = new ProbeSettings(ScanOptions.DEFAULT, LoginProbe.DEFAULT_BUDGET, Duration.ofMinutes(30));

    public ProbeSettings {
        if (scanReuse.isNegative()) {
            throw new IllegalArgumentException("scan reuse must not be negative: " + scanReuse);
        }
        if (loginBudget < 1) {
            throw new IllegalArgumentException("login budget must be at least 1: " + loginBudget);
        }
    }
}
