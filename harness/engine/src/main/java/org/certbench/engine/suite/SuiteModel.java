package org.certbench.engine.suite;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.certbench.api.Assessment;
import org.certbench.api.Bench;
import org.certbench.api.Dut;
import org.certbench.api.Evidence;
import org.certbench.api.Operator;
import org.certbench.api.Provision;
import org.certbench.api.Requirement;
import org.certbench.api.Standard;
import org.jspecify.annotations.Nullable;
import org.certbench.api.TestCase;
import org.certbench.api.Units;
import org.certbench.engine.config.Durations;
import org.certbench.probes.Probes;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A suite class read once: its standard, its provisions (from the catalogue, completed by the cases'
 * {@code @Provision} annotations) and its test cases in the standard's order. What is wrong with the
 * suite itself is collected in {@link #problems()} rather than thrown, so discovery can report every
 * problem with its method.
 *
 * <pre>{@code
 * SuiteModel suite = SuiteModel.of(En303645.class);
 * suite.cases(); // in provision order
 * }</pre>
 */
public final class SuiteModel {

    /** Parameter types the engine can supply to a test case. */
    public static final Set<Class<?>> PARAMETER_TYPES = Set.of(Dut.class, Evidence.class, Operator.class, Bench.class, Units.class,
            Probes.class);

    private static final Pattern STANDARD_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Map<Class<?>, SuiteModel> CACHE = new ConcurrentHashMap<>();

    private final Class<?> suiteClass;
    private final Standard standard;
    // read from the annotation once: an annotation's method goes through a proxy on each call
    private final String id;
    private final Map<String, ProvisionInfo> provisions;
    private final boolean hasCatalogue;
    private final List<CaseModel> cases;
    // Discovery asks per provision and per case id on every device: looked up, not searched.
    private final Map<String, List<CaseModel>> casesByProvision;
    private final Map<String, CaseModel> casesById;
    private final List<Problem> problems;
    private final @Nullable Catalogue catalogueData;
    private final @Nullable String statusEdition;

    /** Something wrong with the suite's own code, tied to the method if there is one. */
    public record Problem(Optional<Method> method, String message) {
    }

    private SuiteModel(Class<?> suiteClass) {
        this.suiteClass = suiteClass;
        this.standard = suiteClass.getAnnotation(Standard.class);
        this.id = standard.id();
        List<Problem> found = new ArrayList<>();
        if (!STANDARD_ID.matcher(standard.id()).matches()) {
            found.add(new Problem(Optional.empty(), "@Standard id '" + standard.id() + "' must be lower-case letters, digits and dashes"));
        }
        Map<String, ProvisionInfo> known = new LinkedHashMap<>();
        boolean catalogue = !standard.catalogue().isEmpty();
        Catalogue data = null;
        if (catalogue) {
            try {
                data = Catalogue.read(suiteClass, standard.catalogue());
                known.putAll(data.provisions());
            } catch (IllegalArgumentException e) {
                found.add(new Problem(Optional.empty(), e.getMessage()));
                catalogue = false;
            }
        }
        this.hasCatalogue = catalogue;
        this.catalogueData = data;
        this.statusEdition = null;
        List<CaseModel> read = new ArrayList<>();
        Set<String> caseIds = new HashSet<>();
        for (Method method : ReflectionSupport.findMethods(suiteClass, m -> m.isAnnotationPresent(TestCase.class),
                HierarchyTraversalMode.TOP_DOWN)) {
            readCase(method, known, caseIds, found).ifPresent(read::add);
        }
        if (standard.conceptualCases() && !catalogue) {
            found.add(new Problem(Optional.empty(), "@Standard(conceptualCases = true) needs a catalogue"));
        } else if (standard.conceptualCases()) {
            addConceptualCases(known, read, caseIds, found);
        }
        List<String> order = new ArrayList<>(known.keySet());
        Set<String> last = read.stream().filter(CaseModel::runsLast).map(c -> c.provision().id()).collect(java.util.stream.Collectors.toSet());
        read.sort(Comparator.<CaseModel>comparingInt(c -> last.contains(c.provision().id()) ? 1 : 0)
                .thenComparingInt(c -> order.indexOf(c.provision().id())).thenComparing(CaseModel::id));
        this.provisions = known;
        this.cases = List.copyOf(read);
        this.casesByProvision = byProvision(this.cases);
        this.casesById = byId(this.cases);
        this.problems = List.copyOf(found);
    }

    private SuiteModel(SuiteModel base, String edition, Map<String, ProvisionInfo> statuses) {
        this.suiteClass = base.suiteClass;
        this.standard = base.standard;
        this.id = base.id;
        this.hasCatalogue = base.hasCatalogue;
        this.catalogueData = base.catalogueData;
        this.statusEdition = edition;
        Map<String, ProvisionInfo> provisions = new LinkedHashMap<>(base.provisions);
        provisions.putAll(statuses);
        this.provisions = Collections.unmodifiableMap(provisions);
        this.cases = base.cases.stream().map(c -> new CaseModel(c.method(), c.id(), c.assessment(), c.title(), c.requires(), c.timeout(),
                provisions.get(c.provision().id()), c.runsLast())).toList();
        this.casesByProvision = byProvision(this.cases);
        this.casesById = byId(this.cases);
        this.problems = base.problems;
    }

    private static Map<String, List<CaseModel>> byProvision(List<CaseModel> cases) {
        Map<String, List<CaseModel>> grouped = new HashMap<>();
        for (CaseModel c : cases) {
            grouped.computeIfAbsent(c.provision().id(), id -> new ArrayList<>()).add(c);
        }
        grouped.replaceAll((id, list) -> List.copyOf(list));
        return grouped;
    }

    private static Map<String, CaseModel> byId(List<CaseModel> cases) {
        Map<String, CaseModel> index = new HashMap<>();
        for (CaseModel c : cases) {
            index.putIfAbsent(c.id(), c);
        }
        return index;
    }

    /**
     * The suite with the provision statuses of another edition of its standard, for ICS validation and
     * reports (EN 303 645 V2.1.1, which UK PSTI cites): empty if its catalogue does not list that edition.
     *
     * <pre>{@code
     * SuiteModel.of(En303645.class).withStatuses("2.1.1").orElseThrow().provision("5.11-1"); // M C
     * }</pre>
     */
    public Optional<SuiteModel> withStatuses(String edition) {
        if (edition.equals(statusEdition)) {
            return Optional.of(this);
        }
        return Optional.ofNullable(catalogueData).flatMap(c -> c.edition(edition)).map(statuses -> new SuiteModel(this, edition, statuses));
    }

    /** The edition whose statuses this model carries, when not the suite's own. */
    public Optional<String> statusEdition() {
        return Optional.ofNullable(statusEdition);
    }

    /** The model of a suite class (read once, then cached). */
    public static SuiteModel of(Class<?> suiteClass) {
        if (!suiteClass.isAnnotationPresent(Standard.class)) {
            throw new IllegalArgumentException(suiteClass.getName() + " has no @Standard");
        }
        return CACHE.computeIfAbsent(suiteClass, SuiteModel::new);
    }

    /** Whether a class is a suite. */
    public static boolean isSuite(Class<?> candidate) {
        return candidate.isAnnotationPresent(Standard.class) && !Modifier.isAbstract(candidate.getModifiers());
    }

    private Optional<CaseModel> readCase(Method method, Map<String, ProvisionInfo> known, Set<String> caseIds,
            List<Problem> found) {
        TestCase testCase = method.getAnnotation(TestCase.class);
        Provision provision = method.getAnnotation(Provision.class);
        Optional<Method> where = Optional.of(method);
        int before = found.size();
        if (provision == null) {
            found.add(new Problem(where, "@TestCase " + testCase.id() + " has no @Provision"));
            return Optional.empty();
        }
        if (!testCase.id().startsWith(provision.id() + "-")) {
            found.add(new Problem(where, "case id " + testCase.id() + " must be the provision id " + provision.id()
                    + " plus a suffix (ETSI TS 103 701), e.g. " + provision.id() + "-1"));
        }
        if (!caseIds.add(testCase.id())) {
            found.add(new Problem(where, "case id " + testCase.id() + " is used twice in " + suiteClass.getSimpleName()));
        }
        if (Modifier.isStatic(method.getModifiers()) || method.getReturnType() != void.class) {
            found.add(new Problem(where, "test case methods must be instance methods returning void"));
        }
        for (Class<?> type : method.getParameterTypes()) {
            if (!PARAMETER_TYPES.contains(type)) {
                found.add(new Problem(where, "parameter of type " + type.getSimpleName()
                        + " cannot be supplied; use Dut, Evidence, Operator, Bench, Units or Probes"));
            }
        }
        ProvisionInfo declared = new ProvisionInfo(provision.id(), provision.level(), "",
                EnumSet.copyOf(setOf(provision.conditions(), org.certbench.api.Condition.class)),
                EnumSet.copyOf(setOf(provision.features(), org.certbench.api.Feature.class)), List.of(), "");
        ProvisionInfo info = known.get(provision.id());
        if (info == null) {
            if (hasCatalogue) {
                found.add(new Problem(where, "provision " + provision.id() + " is not in the catalogue of " + standard.id()));
            }
            info = declared;
            known.put(info.id(), info);
        } else if (info.level() != declared.level() || !info.conditions().equals(declared.conditions())
                || !info.features().equals(declared.features())) {
            found.add(new Problem(where, "@Provision " + provision.id() + " says " + declared.status()
                    + " but the catalogue of " + standard.id() + " says " + info.status()));
        }
        Optional<Duration> timeout = Optional.empty();
        if (!testCase.timeout().isEmpty()) {
            try {
                timeout = Optional.of(Durations.parse(testCase.timeout()));
            } catch (IllegalArgumentException e) {
                found.add(new Problem(where, "timeout " + e.getMessage()));
            }
        }
        if (found.size() > before) {
            return Optional.empty();
        }
        Set<Requirement> requires = testCase.requires().length == 0
                ? Set.of() : EnumSet.copyOf(Arrays.asList(testCase.requires()));
        String title = testCase.title().isEmpty() ? method.getName() : testCase.title();
        return Optional.of(new CaseModel(method, testCase.id(), testCase.assessment(), title, requires, timeout, info,
                testCase.runsLast()));
    }

    /** How long a conceptual case may wait for the assessor at the prompt. */
    private static final Duration CONCEPTUAL_TIMEOUT = Duration.ofMinutes(30);

    /**
     * TS 103 701 has a conceptual case for every provision (usually {@code -1}); where the suite writes none,
     * the engine supplies {@link ConceptualAssessment} under that id.
     */
    private void addConceptualCases(Map<String, ProvisionInfo> known, List<CaseModel> read, Set<String> caseIds,
            List<Problem> found) {
        for (ProvisionInfo provision : known.values()) {
            boolean written = read.stream().anyMatch(c -> c.provision().id().equals(provision.id())
                    && c.assessment() == Assessment.CONCEPTUAL);
            if (written) {
                continue;
            }
            String id = provision.id() + "-1";
            if (caseIds.contains(id)) {
                found.add(new Problem(Optional.empty(), "case id " + id + " is the conceptual case of " + provision.id()
                        + " (ETSI TS 103 701); give the functional case another suffix or mark it CONCEPTUAL"));
                continue;
            }
            caseIds.add(id);
            read.add(new CaseModel(ConceptualAssessment.ASSESS, id, Assessment.CONCEPTUAL,
                    "the IXIT design meets the provision (assessor)", Set.of(), Optional.of(CONCEPTUAL_TIMEOUT), provision, false));
        }
    }

    private static <E extends Enum<E>> Set<E> setOf(E[] values, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(Arrays.asList(values));
        return set;
    }

    public Class<?> suiteClass() {
        return suiteClass;
    }

    /** The standard's logical id. */
    public String id() {
        return id;
    }

    /** The standard's version, and the edition whose statuses apply when they are another's. */
    public String version() {
        return statusEdition == null ? standard.version() : standard.version() + " with the statuses of V" + statusEdition;
    }

    public String title() {
        return standard.title();
    }

    /** Every provision known: the catalogue's, then any only the cases declare. */
    public Map<String, ProvisionInfo> provisions() {
        return provisions;
    }

    public Optional<ProvisionInfo> provision(String id) {
        return Optional.ofNullable(provisions.get(id));
    }

    /** Whether the suite carries a full catalogue of its standard. */
    public boolean hasCatalogue() {
        return hasCatalogue;
    }

    /** Valid cases, in the standard's provision order. */
    public List<CaseModel> cases() {
        return cases;
    }

    /** Cases of one provision. */
    public List<CaseModel> cases(String provisionId) {
        return casesByProvision.getOrDefault(provisionId, List.of());
    }

    public Optional<CaseModel> testCase(String caseId) {
        return Optional.ofNullable(casesById.get(caseId));
    }

    /** What is wrong with the suite's code. */
    public List<Problem> problems() {
        return problems;
    }
}
