package org.certbench.engine.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;
import org.certbench.api.Verdict;
import org.certbench.engine.bench.BenchCheck;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One line of the verdict ledger. The {@code type} property names the kind of row.
 *
 * <pre>{@code
 * {"type":"verdict","uid":"[engine:certbench]/[device:acme]/…","case":"5.6-1-2","verdict":"FAIL",…}
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LedgerRow.Campaign.class, name = "campaign"),
    @JsonSubTypes.Type(value = LedgerRow.Tools.class, name = "tools"),
    @JsonSubTypes.Type(value = LedgerRow.BenchState.class, name = "bench"),
    @JsonSubTypes.Type(value = LedgerRow.Suite.class, name = "suite"),
    @JsonSubTypes.Type(value = LedgerRow.Device.class, name = "device"),
    @JsonSubTypes.Type(value = LedgerRow.Plan.class, name = "plan"),
    @JsonSubTypes.Type(value = LedgerRow.Ics.class, name = "ics"),
    @JsonSubTypes.Type(value = LedgerRow.CaseVerdict.class, name = "verdict"),
    @JsonSubTypes.Type(value = LedgerRow.EvidenceFile.class, name = "evidence"),
    @JsonSubTypes.Type(value = LedgerRow.Finding.class, name = "finding"),
    @JsonSubTypes.Type(value = LedgerRow.Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = LedgerRow.RollUp.class, name = "rollup"),
    @JsonSubTypes.Type(value = LedgerRow.SchemeVerdict.class, name = "scheme"),
    @JsonSubTypes.Type(value = LedgerRow.Resume.class, name = "resume"),
    @JsonSubTypes.Type(value = LedgerRow.End.class, name = "end")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface LedgerRow {

    /** When the row was written (ISO-8601, UTC). */
    String at();

    /**
     * The run begins. {@code configuration} holds the {@code certbench.*} parameters it was given, so that
     * {@code certbench run --resume} can continue it with the same ones.
     */
    record Campaign(String at, String campaign, String certbench, String operator, String lab,
            List<String> devices, List<String> standards, String out, @Nullable Map<String, String> configuration)
            implements LedgerRow {
    }

    /** The versions of certbench, the Java runtime, the OS and the protocol libraries. */
    record Tools(String at, Map<String, String> versions) implements LedgerRow {
    }

    /** The bench the run used, and what its check found before anything ran. */
    record BenchState(String at, String lab, @Nullable String accreditation, String harnessAddress, String broker,
            Map<String, String> serialPorts, Map<String, String> outlets, @Nullable String source, @Nullable String sha256,
            List<BenchCheck.Result> check) implements LedgerRow {
    }

    /** A suite the run used: its standard, and the digest of its code. */
    record Suite(String at, String standard, String version, String title, String suiteClass, String codeSha256)
            implements LedgerRow {
    }

    /**
     * A device as certified: its profile file with the file's digest, and the profile's content (which
     * holds secrets only by reference), with the ICS and IXIT it declares.
     */
    record Device(String at, String device, String manufacturer, String model, String firmware, String profile, String profileSha256,
            JsonNode snapshot, @Nullable JsonNode ics, @Nullable JsonNode ixit) implements LedgerRow {
    }

    /** A case that will run, or will not, and why. */
    record Plan(String at, String uid, String device, String standard, String provision, @JsonProperty("case") String caseId,
            String title, String assessment, String level, String planned, @Nullable String reason, long deadlineMs)
            implements LedgerRow {
    }

    /** The ICS of a device for one standard, as checked against TS 103 701's rules. */
    record Ics(String at, String device, String standard, boolean valid, List<String> problems) implements LedgerRow {
    }

    /** The verdict of one case. */
    record CaseVerdict(String at, String uid, String device, String standard, String provision,
            @JsonProperty("case") String caseId, Verdict verdict, @Nullable String reason, String started, String ended,
            long durationMs) implements LedgerRow {
    }

    /** One file of evidence, with its digest. */
    record EvidenceFile(String at, String uid, String device, @JsonProperty("case") String caseId, String file,
            String sha256, long bytes) implements LedgerRow {
    }

    /** Something a case found on the device. */
    record Finding(String at, String uid, String caseUid, String device, @JsonProperty("case") String caseId,
            String finding, Verdict verdict, String summary) implements LedgerRow {
    }

    /** An operator's answer. */
    record Answer(String at, String uid, String device, @JsonProperty("case") String caseId, String question,
            String text, String answer, String operator, String source) implements LedgerRow {
    }

    /** A roll-up of a provision, a standard or a device. */
    record RollUp(String at, String uid, String level, String device, @Nullable String standard,
            @Nullable String provision, Verdict verdict, @Nullable String reason, Map<Verdict, Integer> counts)
            implements LedgerRow {
    }

    /**
     * A mapped scheme's verdict for a device: one row per requirement (the roll-up of the cases that cover
     * it, named in {@code cases} as {@code standard/case}) and one with no requirement for the scheme overall.
     */
    record SchemeVerdict(String at, String device, String scheme, String version, String title, @Nullable String requirement,
            @Nullable String requirementTitle, Verdict verdict, @Nullable String reason, List<String> cases) implements LedgerRow {
    }

    /**
     * A run that was stopped (killed, powered off, Ctrl-C) continues. Cases it had decided keep their verdicts
     * and are not run again; each case it had begun but not decided starts over, and what that first attempt
     * had written was moved aside (listed here, with digests) so that nothing it recorded is lost and nothing
     * is counted twice. Finding, evidence and answer rows written before this row for those cases belong to
     * the moved attempt. {@code discardedBytes} counts the end of a row the kill had cut short.
     */
    record Resume(String at, String campaign, int decided, List<Interrupted> interrupted, long discardedBytes)
            implements LedgerRow {
    }

    /** A case a stopped run had begun but not decided, and where its first attempt's evidence now is. */
    record Interrupted(String uid, String device, String standard, @JsonProperty("case") String caseId,
            List<MovedFile> evidence) {
    }

    /** One file of an interrupted attempt, where it was moved to, with its digest. */
    record MovedFile(String file, String sha256, long bytes) {
    }

    /** The run ends. */
    record End(String at, String campaign, long durationMs, Map<String, Verdict> devices) implements LedgerRow {
    }
}
