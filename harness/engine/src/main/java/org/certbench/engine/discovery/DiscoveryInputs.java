package org.certbench.engine.discovery;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certbench.api.Bench;
import org.certbench.engine.config.CampaignSettings;
import org.certbench.engine.input.AnswersFile;
import org.certbench.engine.input.LoadedProfile;
import org.certbench.engine.suite.CaseModel;
import org.certbench.engine.suite.SchemeModel;
import org.certbench.engine.suite.SchemeRegistry;
import org.certbench.engine.suite.SuiteModel;
import org.certbench.engine.suite.SuiteRegistry;

/**
 * What one discovery read: the settings, the device profiles, the bench and the answers, and the suites
 * it has seen (selected, or registered on the class path).
 */
public final class DiscoveryInputs {

    private final CampaignSettings settings;
    private final Map<String, LoadedProfile> devices = new LinkedHashMap<>();
    private final Bench bench;
    private final AnswersFile answers;
    private final Map<String, SuiteModel> suites = new LinkedHashMap<>();
    private boolean registeredLoaded;
    private boolean suiteSelected;

    DiscoveryInputs(CampaignSettings settings, List<LoadedProfile> devices, Bench bench, AnswersFile answers) {
        this.settings = settings;
        devices.forEach(d -> this.devices.put(d.dut().id(), d));
        this.bench = bench;
        this.answers = answers;
    }

    public CampaignSettings settings() {
        return settings;
    }

    public Collection<LoadedProfile> devices() {
        return devices.values();
    }

    public Optional<LoadedProfile> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public Bench bench() {
        return bench;
    }

    public AnswersFile answers() {
        return answers;
    }

    /** Notes a suite that a selector named. */
    void saw(SuiteModel suite) {
        suiteSelected = true;
        suites.putIfAbsent(suite.id(), suite);
    }

    /** Whether any selector named a suite (or something inside one). */
    boolean suiteSelected() {
        return suiteSelected;
    }

    /** A suite by standard id, among those selected and those registered on the class path. */
    Optional<SuiteModel> suite(String id) {
        loadRegistered();
        return Optional.ofNullable(suites.get(id));
    }

    /** Every suite known: selected ones first, then registered ones. */
    Collection<SuiteModel> knownSuites() {
        loadRegistered();
        return suites.values();
    }

    /** The schemes registered on the class path. */
    List<SchemeModel> schemes() {
        return SchemeRegistry.registered();
    }

    /** Schemes the standards filter names. */
    private List<SchemeModel> selectedSchemes() {
        return schemes().stream().filter(s -> settings.standards().contains(s.id())).toList();
    }

    /** Whether the standards filter lets a standard through: named itself, or drawn on by a named scheme. */
    boolean standardSelected(String id) {
        return settings.standards().isEmpty() || settings.standards().contains(id)
                || selectedSchemes().stream().anyMatch(s -> s.standards().contains(id));
    }

    /** Whether the provisions filter lets a provision through. */
    boolean provisionSelected(String id) {
        return settings.provisions().isEmpty() || settings.provisions().contains(id);
    }

    /**
     * Whether the filters let a case of {@code standard} through. A standard selected only because a scheme
     * draws on it runs only the cases that scheme needs.
     */
    boolean caseSelected(String standard, CaseModel model) {
        if (!provisionSelected(model.provision().id()) || !settings.assessments().contains(model.assessment())) {
            return false;
        }
        if (settings.standards().isEmpty() || settings.standards().contains(standard) || !settings.provisions().isEmpty()) {
            return true;
        }
        return selectedSchemes().stream().anyMatch(s -> s.covers(standard, model));
    }

    /** The model of a suite class as this campaign judges it: with the statuses {@code certbench.statuses} names, if it has them. */
    SuiteModel model(Class<?> suiteClass) {
        SuiteModel model = SuiteModel.of(suiteClass);
        return settings.statuses().flatMap(model::withStatuses).orElse(model);
    }

    private void loadRegistered() {
        if (!registeredLoaded) {
            registeredLoaded = true;
            for (Class<?> suite : SuiteRegistry.registered()) {
                SuiteModel model = model(suite);
                suites.putIfAbsent(model.id(), model);
            }
        }
    }
}
