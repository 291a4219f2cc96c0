package org.certbench.engine.execution;

import java.io.Console;
import java.util.Locale;
import java.util.Optional;
import org.certbench.api.Operator;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerRow;

/**
 * The operator as a case sees it: the answers file first, then (if allowed and a terminal is
 * attached) a prompt; every answer goes to the ledger with who gave it and when.
 */
final class CampaignOperator implements Operator {

    /** One prompt at a time, whatever the number of device lanes. */
    private static final Object TERMINAL = new Object();

    private final Campaign campaign;
    private final CaseInfo info;

    CampaignOperator(Campaign campaign, CaseInfo info) {
        this.campaign = campaign;
        this.info = info;
    }

    @Override
    public Optional<String> ask(String questionId, String question) {
        Optional<String> onFile = campaign.answers().answer(info.device(), questionId);
        if (onFile.isPresent()) {
            record(questionId, question, onFile.get(), "answers-file");
            return onFile;
        }
        Console console = System.console();
        if (!campaign.settings().interactive() || console == null) {
            return Optional.empty();
        }
        synchronized (TERMINAL) {
            String answer = console.readLine("[%s %s] %s ", info.device(), info.caseId(), question);
            if (answer == null) {
                return Optional.empty();
            }
            record(questionId, question, answer.strip(), "terminal");
            return Optional.of(answer.strip());
        }
    }

    @Override
    public Optional<Boolean> confirm(String questionId, String question) {
        return ask(questionId, question + " [yes/no]").flatMap(answer -> switch (answer.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true" -> Optional.of(true);
            case "n", "no", "false" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    private void record(String questionId, String question, String answer, String source) {
        campaign.ledger().append(new LedgerRow.Answer(Ledger.now(), info.uid().toString(), info.device(), info.caseId(),
                questionId, question, answer, campaign.settings().operator(), source));
    }
}
