package nl.mboexchange.node.console;

import jakarta.validation.Valid;
import java.util.List;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.application.EnrolmentPage;
import nl.mboexchange.node.enrolment.application.EnrolmentQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/** The console's start page: this school's incoming and outgoing enrolments, filtered and a page at a time. */
@Controller
class EnrolmentListController {

    private final EnrolmentQueries queries;

    EnrolmentListController(EnrolmentQueries queries) {
        this.queries = queries;
    }

    /** The page, or only its table when htmx asks for it again to keep it up to date. */
    @GetMapping("/")
    String list(
            @Valid @ModelAttribute("filters") ListForm filters,
            BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) String background,
            Model model) {
        EnrolmentPage page = errors.hasErrors()
                ? new EnrolmentPage(List.of(), 0, ListForm.PAGE_SIZE, 0)
                : queries.list(filters.filter(), filters.pageNumber(), ListForm.PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("statuses", EnrolmentStatus.values());
        return background == null ? "console/enrolments" : "console/enrolments :: table";
    }
}
