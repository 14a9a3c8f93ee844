package nl.mboexchange.node.console;

import java.util.Map;
import java.util.function.Supplier;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.application.EnrolmentCommand;
import nl.mboexchange.node.enrolment.application.EnrolmentQueries;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.result.StaleResultVersion;
import nl.mboexchange.node.shared.InvalidInput;
import nl.mboexchange.node.shared.NotFound;
import nl.mboexchange.node.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Carries out a registrar's command through the same application service as the REST API, and sorts a refusal into
 * what the console shows: bad input as an error next to its field, anything else as a conflict explained in words.
 */
@Component
class ConsoleCommands {

    private final EnrolmentService enrolments;
    private final EnrolmentQueries queries;
    private final MessageSource messages;

    ConsoleCommands(EnrolmentService enrolments, EnrolmentQueries queries, MessageSource messages) {
        this.enrolments = enrolments;
        this.queries = queries;
        this.messages = messages;
    }

    /**
     * Builds the command from the form and carries it out, unless the form already has errors.
     *
     * @param command builds the command; may itself refuse a value of the form
     * @param form the form's errors, which get the refused field
     * @param fields the form's name for a field the domain names otherwise, e.g. {@code correctionReason}
     */
    Outcome run(Supplier<EnrolmentCommand> command, BindingResult form, Map<String, String> fields) {
        if (form.hasErrors()) {
            return new Outcome.Invalid();
        }
        EnrolmentCommand built = null;
        try {
            built = command.get();
            return new Outcome.Done(enrolments.execute(built, registrar()));
        } catch (InvalidInput refusal) {
            String field = fields.getOrDefault(refusal.field(), refusal.field());
            String code = "refusal." + refusal.code();
            if (field != null && form.getFieldType(field) != null) {
                form.rejectValue(field, code, refusal.getMessage());
            } else {
                form.reject(code, refusal.getMessage());
            }
            return new Outcome.Invalid();
        } catch (Refusal refusal) {
            return conflict(refusal, built == null ? null : built.enrolmentId());
        } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
            return new Outcome.Conflict(text("conflict.ConcurrentChange"), concurrent.getMessage());
        }
    }

    /** Erases the personal data of the enrolment's student at this, their home school, and asks every host. */
    Outcome eraseStudentOf(EnrolmentId id) {
        try {
            Enrolment enrolment = queries.get(id).enrolment();
            enrolments.eraseStudent(enrolment.student().exchangeId(), registrar());
            return new Outcome.Done(enrolment);
        } catch (NotFound unknown) {
            return conflict(unknown, id);
        } catch (Refusal refusal) {
            // The page offers erasure on a closed enrolment only: what stops it is another enrolment of the student.
            return new Outcome.Conflict(text("conflict.ErasureWhileOpen"), refusal.getMessage());
        } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
            return new Outcome.Conflict(text("conflict.ConcurrentChange"), concurrent.getMessage());
        }
    }

    private static Origin registrar() {
        return new Origin.Registrar(
                SecurityContextHolder.getContext().getAuthentication().getName());
    }

    private Outcome.Conflict conflict(Refusal refusal, EnrolmentId id) {
        String explanation;
        if (refusal instanceof StaleResultVersion stale) {
            explanation = text("conflict.StaleResultVersion", stale.latestVersion());
        } else if (refusal instanceof NotFound) {
            explanation = text("conflict.NotFound");
        } else {
            EnrolmentStatus current = currentStatus(id);
            String status = current == null ? "" : text("status." + current);
            explanation = messages.getMessage(
                    "conflict." + refusal.code(),
                    new Object[] {status},
                    text("conflict.other", status),
                    LocaleContextHolder.getLocale());
        }
        return new Outcome.Conflict(explanation, refusal.getMessage());
    }

    private EnrolmentStatus currentStatus(EnrolmentId id) {
        return id == null ? null : queries.get(id).enrolment().status();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
