package org.certbench.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certbench.api.Assessment;
import org.certbench.probes.ProbeSettings;
import org.certbench.probes.net.ScanOptions;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The configuration of one campaign, read once from the JUnit Platform configuration parameters.
 *
 * <pre>{@code
 * CampaignSettings settings = CampaignSettings.from(request.getConfigurationParameters());
 * }</pre>
 *
 * @param devices device profile paths
 * @param bench bench file, if any
 * @param standards standard ids to run (empty: all selected)
 * @param provisions provision ids to run (empty: all)
 * @param statuses another edition whose provision statuses apply, if set
 * @param assessments kinds of test case to run
 * @param out output folder, if set
 * @param timeoutDefault deadline of a case that sets none
 * @param inconclusiveResult how INCONCLUSIVE shows in JUnit
 * @param parallel whether device lanes run in parallel
 * @param probes what the probes may do (scan options, login budget, scan reuse)
 * @param operator who operates the bench
 * @param answers answers file, if any
 * @param interactive whether the operator may be prompted on a terminal
 * @param resume whether the run continues a stopped one in {@code out}
 * @param given the {@code certbench.*} parameters as given (text), for the ledger
 */
public record CampaignSettings(List<Path> devices, Optional<Path> bench, Set<String> standards, Set<String> provisions,
        Optional<String> statuses, Set<Assessment> assessments, Optional<Path> out, Duration timeoutDefault, CertbenchConfig.InconclusiveResult inconclusiveResult,
        boolean parallel, ProbeSettings probes, String operator, Optional<Path> answers, boolean interactive,
        boolean resume, Map<String, String> given) {

    public CampaignSettings {
        given = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(given));
    }

    /**
     * @throws IllegalArgumentException naming the parameter whose value does not parse
     */
    public static CampaignSettings from(ConfigurationParameters parameters) {
        return new CampaignSettings(
                CertbenchConfig.DEVICES.get(parameters),
                CertbenchConfig.BENCH.get(parameters),
                CertbenchConfig.STANDARDS.get(parameters),
                CertbenchConfig.PROVISIONS.get(parameters),
                CertbenchConfig.STATUSES.get(parameters),
                CertbenchConfig.ASSESSMENTS.get(parameters),
                CertbenchConfig.OUT.get(parameters),
                CertbenchConfig.TIMEOUT_DEFAULT.get(parameters),
                CertbenchConfig.INCONCLUSIVE_RESULT.get(parameters),
                CertbenchConfig.PARALLEL.get(parameters),
                new ProbeSettings(new ScanOptions(CertbenchConfig.SCAN_CONCURRENCY.get(parameters), CertbenchConfig.SCAN_TIMEOUT.get(parameters)),
                        CertbenchConfig.LOGIN_BUDGET.get(parameters), CertbenchConfig.SCAN_REUSE.get(parameters)),
                CertbenchConfig.OPERATOR.get(parameters),
                CertbenchConfig.ANSWERS.get(parameters),
                CertbenchConfig.INTERACTIVE.get(parameters),
                CertbenchConfig.RESUME.get(parameters),
                given(parameters));
    }

    private static Map<String, String> given(ConfigurationParameters parameters) {
        Map<String, String> given = new java.util.TreeMap<>();
        for (CertbenchConfig.Key<?> key : CertbenchConfig.ALL) {
            if (key != CertbenchConfig.RESUME) {
                parameters.get(key.name()).ifPresent(value -> given.put(key.name(), value));
            }
        }
        return given;
    }
}
