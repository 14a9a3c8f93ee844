package nl.mboexchange.node.enrolment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.web.IdempotentResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a student's personal data on request (AVG art. 17), by a registrar of the home school. */
@RestController
@RequestMapping(path = "/api/v1/students/{exchangeId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Personal data", description = "What this school disclosed of a student, to which school, and when")
class StudentErasureController {

    private final EnrolmentService enrolments;
    private final IdempotentResponses idempotent;

    StudentErasureController(EnrolmentService enrolments, IdempotentResponses idempotent) {
        this.enrolments = enrolments;
        this.idempotent = idempotent;
    }

    @PostMapping("/erasure")
    @Operation(
            summary = "Home school: erase the student's personal data here and ask every host to erase its copy",
            description = "On every enrolment this school requested for the student, removes the given name, family"
                    + " name, date of birth and e-mail address from everything this node stores, and asks the host"
                    + " to do the same; each host confirms. The exchange id and the results stay. 409 while an"
                    + " enrolment of the student is still open (withdraw it first), 404 when this school requested"
                    + " no enrolment for the student. Asking again changes nothing and shows where erasure stands.")
    ResponseEntity<StudentErasureResponse> erase(
            @PathVariable UUID exchangeId,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String idempotencyKey,
            HttpServletRequest http) {
        return idempotent.respond(
                idempotencyKey,
                http,
                null,
                StudentErasureResponse.class,
                () -> ResponseEntity.ok(StudentErasureResponse.of(
                        exchangeId, enrolments.eraseStudent(exchangeId, Registrar.of(http)))));
    }
}
