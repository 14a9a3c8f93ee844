package nl.mboexchange.node.console;

import java.util.UUID;
import nl.mboexchange.node.console.DecisionForms.AcceptForm;
import nl.mboexchange.node.console.DecisionForms.RejectForm;
import nl.mboexchange.node.console.DecisionForms.WithdrawForm;
import nl.mboexchange.node.console.ResultForms.CorrectForm;
import nl.mboexchange.node.console.ResultForms.RecordForm;
import nl.mboexchange.node.console.ResultForms.RevokeForm;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.RejectionReason;
import nl.mboexchange.node.enrolment.application.EnrolmentQueries;
import nl.mboexchange.node.result.Assessment;
import nl.mboexchange.node.result.Attempt;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of an enrolment's page: the enrolment as it is now, and every action form that the request did
 * not bring itself, filled in as far as the enrolment tells (the next attempt, the version a correction is based on).
 */
@Component
class EnrolmentPages {

    static final String PAGE = "console/enrolment";

    private final EnrolmentQueries queries;

    EnrolmentPages(EnrolmentQueries queries) {
        this.queries = queries;
    }

    /** The enrolment's id from a path, or {@code null} when it is not one. */
    static EnrolmentId id(String path) {
        try {
            return new EnrolmentId(UUID.fromString(path));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @throws nl.mboexchange.node.enrolment.EnrolmentNotFound when this node has no such enrolment */
    String show(EnrolmentId id, Model model) {
        EnrolmentView view = EnrolmentView.of(queries.get(id));
        model.addAttribute("view", view);
        model.addAttribute("reasons", RejectionReason.values());
        unlessSent(model, "acceptForm", new AcceptForm(null));
        unlessSent(model, "rejectForm", new RejectForm(null, null));
        unlessSent(model, "withdrawForm", new WithdrawForm(null));
        unlessSent(model, "recordForm", new RecordForm(String.valueOf(view.nextAttempt()), null, null, null));
        Attempt open = view.latestOpenAttempt();
        if (open != null) {
            Assessment latest = latestAssessment(open);
            unlessSent(
                    model,
                    "correctForm",
                    new CorrectForm(
                            String.valueOf(open.number()),
                            String.valueOf(open.latestVersion()),
                            null,
                            latest.finalResult() ? "true" : null,
                            latest.assessedOn().toString(),
                            null));
            unlessSent(model, "revokeForm", new RevokeForm(String.valueOf(open.number()), null));
        }
        return PAGE;
    }

    private static void unlessSent(Model model, String form, Object blank) {
        if (!model.containsAttribute(form)) {
            model.addAttribute(form, blank);
        }
    }

    private static Assessment latestAssessment(Attempt attempt) {
        return (Assessment) attempt.latest();
    }
}
