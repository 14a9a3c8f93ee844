package nl.mboexchange.node.console;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import nl.mboexchange.node.result.ResultScale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Home school: the form that asks a host to enrol a student. */
@Controller
class RequestController {

    /** The domain's name of a field that the form calls otherwise. */
    private static final Map<String, String> FIELDS = Map.of("schoolCode", "hostSchool");

    private final ConsoleCommands commands;
    private final Clock clock;

    RequestController(ConsoleCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/enrolments/new")
    String form(Model model) {
        model.addAttribute("requestForm", RequestForm.blank());
        return show(model);
    }

    @PostMapping("/enrolments")
    String request(
            @Valid @ModelAttribute("requestForm") RequestForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock);
        Outcome outcome = commands.run(() -> form.toCommand(today), errors, FIELDS);
        if (outcome instanceof Outcome.Done done) {
            redirect.addFlashAttribute("notice", "notice.requested");
            return "redirect:/enrolments/" + done.enrolment().id();
        }
        if (outcome instanceof Outcome.Conflict conflict) {
            model.addAttribute("conflict", conflict);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return show(model);
    }

    private static String show(Model model) {
        model.addAttribute("scales", ResultScale.values());
        return "console/request";
    }
}
