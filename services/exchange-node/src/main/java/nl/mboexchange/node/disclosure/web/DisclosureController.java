package nl.mboexchange.node.disclosure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import nl.mboexchange.node.disclosure.DisclosureReport;
import nl.mboexchange.node.disclosure.Disclosures;
import nl.mboexchange.node.disclosure.StudentNotDisclosed;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The disclosure report on a student, for registrars and readers of the home school: as JSON, or as a page to print
 * and hand to the student ({@code Accept: text/html}, or {@code .html}).
 */
@RestController
@RequestMapping("/api/v1/students/{exchangeId}")
@Tag(name = "Personal data", description = "What this school disclosed of a student, to which school, and when")
class DisclosureController {

    private final Disclosures disclosures;
    private final ITemplateEngine templates;

    DisclosureController(Disclosures disclosures, ITemplateEngine templates) {
        this.disclosures = disclosures;
        this.templates = templates;
    }

    @GetMapping(path = "/disclosure-report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Which schools received which of the student's data, and when (AVG art. 15)",
            description = "For every enrolment this school requested for the student: the host school, each event"
                    + " that carried the student's data there with the fields it carried, what this node still holds,"
                    + " and whether the host confirmed erasure. 404 when this school requested no enrolment for"
                    + " the student.")
    DisclosureReport report(@PathVariable UUID exchangeId) {
        return disclosures.reportOn(exchangeId).orElseThrow(() -> new StudentNotDisclosed(exchangeId));
    }

    @GetMapping(
            path = {"/disclosure-report", "/disclosure-report.html"},
            produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The same report as a page to print")
    String printable(@PathVariable UUID exchangeId) {
        Context context = new Context(LocaleContextHolder.getLocale());
        context.setVariable("report", report(exchangeId));
        return templates.process("disclosure/report", context);
    }
}
