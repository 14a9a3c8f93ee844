package nl.mboexchange.node.console;

import static nl.mboexchange.node.console.FormValues.date;
import static nl.mboexchange.node.console.FormValues.grade;
import static nl.mboexchange.node.console.FormValues.number;
import static nl.mboexchange.node.console.FormValues.optional;
import static nl.mboexchange.node.console.FormValues.ticked;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.mboexchange.node.console.DecisionForms.AcceptForm;
import nl.mboexchange.node.console.DecisionForms.RejectForm;
import nl.mboexchange.node.console.DecisionForms.WithdrawForm;
import nl.mboexchange.node.console.ResultForms.CorrectForm;
import nl.mboexchange.node.console.ResultForms.RecordForm;
import nl.mboexchange.node.console.ResultForms.RevokeForm;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.RejectionReason;
import nl.mboexchange.node.enrolment.application.AcceptEnrolment;
import nl.mboexchange.node.enrolment.application.CorrectResult;
import nl.mboexchange.node.enrolment.application.EnrolmentCommand;
import nl.mboexchange.node.enrolment.application.RecordResult;
import nl.mboexchange.node.enrolment.application.RejectEnrolment;
import nl.mboexchange.node.enrolment.application.RevokeResult;
import nl.mboexchange.node.enrolment.application.WithdrawEnrolment;
import nl.mboexchange.node.shared.InvalidValue;
import nl.mboexchange.node.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One enrolment's page, and the registrar's actions on it. An action that is carried out returns to the page with a
 * notice (post, redirect, get); one that is refused shows the page again, with the errors next to the form's fields
 * or the conflict explained above it.
 */
@Controller
class EnrolmentPageController {

    private final EnrolmentPages pages;
    private final ConsoleCommands commands;

    EnrolmentPageController(EnrolmentPages pages, ConsoleCommands commands) {
        this.pages = pages;
        this.commands = commands;
    }

    /**
     * The page, or only its changing part when htmx asks for it again to keep it up to date; {@code rendered} is the
     * status the page was shown with, so that the part can say when the page's actions no longer fit.
     */
    @GetMapping("/enrolments/{id}")
    String show(
            @PathVariable String id,
            @RequestParam(required = false) String rendered,
            @RequestHeader(name = "HX-Request", required = false) String background,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("rendered", rendered);
        EnrolmentId enrolment = EnrolmentPages.id(id);
        if (enrolment == null) {
            return notFound(response);
        }
        try {
            String page = pages.show(enrolment, model);
            return background == null ? page : page + " :: live";
        } catch (NotFound unknown) {
            return notFound(response);
        }
    }

    @PostMapping("/enrolments/{id}/accept")
    String accept(
            @PathVariable String id,
            @Valid @ModelAttribute("acceptForm") AcceptForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                errors,
                model,
                redirect,
                response,
                "notice.accepted",
                Map.of(),
                enrolment -> () -> new AcceptEnrolment(enrolment, optional(form.note())));
    }

    @PostMapping("/enrolments/{id}/reject")
    String reject(
            @PathVariable String id,
            @Valid @ModelAttribute("rejectForm") RejectForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                errors,
                model,
                redirect,
                response,
                "notice.rejected",
                Map.of(),
                enrolment -> () -> new RejectEnrolment(enrolment, reason(form.reasonCode()), form.reasonText()));
    }

    @PostMapping("/enrolments/{id}/withdraw")
    String withdraw(
            @PathVariable String id,
            @Valid @ModelAttribute("withdrawForm") WithdrawForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                errors,
                model,
                redirect,
                response,
                "notice.withdrawn",
                Map.of(),
                enrolment -> () -> new WithdrawEnrolment(enrolment, optional(form.reason())));
    }

    @PostMapping("/enrolments/{id}/results")
    String record(
            @PathVariable String id,
            @Valid @ModelAttribute("recordForm") RecordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                errors,
                model,
                redirect,
                response,
                "notice.recorded",
                Map.of(),
                enrolment -> () -> new RecordResult(
                        enrolment,
                        number(form.attempt(), "attempt"),
                        grade(form.grade()),
                        ticked(form.finalResult()),
                        date(form.assessedOn(), "assessedOn")));
    }

    @PostMapping("/enrolments/{id}/corrections")
    String correct(
            @PathVariable String id,
            @Valid @ModelAttribute("correctForm") CorrectForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> fields = Map.of("correctionReason", "reason");
        return act(
                id,
                errors,
                model,
                redirect,
                response,
                "notice.corrected",
                fields,
                enrolment -> () -> new CorrectResult(
                        enrolment,
                        number(form.attempt(), "attempt"),
                        number(form.expectedVersion(), "expectedVersion"),
                        grade(form.grade()),
                        ticked(form.finalResult()),
                        date(form.assessedOn(), "assessedOn"),
                        form.reason()));
    }

    @PostMapping("/enrolments/{id}/revocations")
    String revoke(
            @PathVariable String id,
            @Valid @ModelAttribute("revokeForm") RevokeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                errors,
                model,
                redirect,
                response,
                "notice.revoked",
                Map.of(),
                enrolment -> () -> new RevokeResult(enrolment, number(form.attempt(), "attempt"), form.reason()));
    }

    /** What every action does: carry out the command and return to the page, or show what stopped it. */
    private String act(
            String path,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            String notice,
            Map<String, String> fields,
            Function<EnrolmentId, Supplier<EnrolmentCommand>> command) {
        EnrolmentId id = EnrolmentPages.id(path);
        if (id == null) {
            return notFound(response);
        }
        return answer(id, commands.run(command.apply(id), errors, fields), notice, model, redirect, response);
    }

    /**
     * At the home school: erase the personal data of the enrolment's student, on this and every other enrolment
     * this school requested for them, and ask the hosts to erase theirs.
     */
    @PostMapping("/enrolments/{id}/erasure")
    String erase(@PathVariable String id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        EnrolmentId enrolment = EnrolmentPages.id(id);
        if (enrolment == null) {
            return notFound(response);
        }
        return answer(enrolment, commands.eraseStudentOf(enrolment), "notice.erased", model, redirect, response);
    }

    /** Back to the page with a notice, or the page again with what stopped the action. */
    private String answer(
            EnrolmentId id,
            Outcome outcome,
            String notice,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (outcome instanceof Outcome.Done) {
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/enrolments/" + id;
        }
        if (outcome instanceof Outcome.Conflict conflict) {
            model.addAttribute("conflict", conflict);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        try {
            return pages.show(id, model);
        } catch (NotFound unknown) {
            return notFound(response);
        }
    }

    private static RejectionReason reason(String code) {
        try {
            return RejectionReason.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue("reasonCode", "'" + code + "' is not a reason");
        }
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "console/not-found";
    }
}
