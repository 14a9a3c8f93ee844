package nl.mboexchange.node.enrolment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.application.AcceptEnrolment;
import nl.mboexchange.node.enrolment.application.EnrolmentFilter;
import nl.mboexchange.node.enrolment.application.EnrolmentQueries;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.enrolment.application.RejectEnrolment;
import nl.mboexchange.node.enrolment.application.RequestEnrolment;
import nl.mboexchange.node.enrolment.application.WithdrawEnrolment;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.web.IdempotentResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Enrolments: the registrar's lists, one enrolment in full, and the commands on the enrolment itself. */
@RestController
@RequestMapping(path = "/api/v1/enrolments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Enrolments", description = "Outgoing (this school is home) and incoming (this school is host)")
class EnrolmentController {

    private final EnrolmentService enrolments;
    private final EnrolmentQueries queries;
    private final EnrolmentResponses responses;
    private final IdempotentResponses idempotent;

    EnrolmentController(
            EnrolmentService enrolments,
            EnrolmentQueries queries,
            EnrolmentResponses responses,
            IdempotentResponses idempotent) {
        this.enrolments = enrolments;
        this.queries = queries;
        this.responses = responses;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "List enrolments, most recently requested first")
    EnrolmentListResponse list(
            @RequestParam(required = false)
                    @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {EnrolmentDirection.INCOMING, EnrolmentDirection.OUTGOING
                                            }))
                    String direction,
            @RequestParam(required = false) EnrolmentStatus status,
            @RequestParam(required = false) @Parameter(description = "the student's exchange id") UUID studentId,
            @RequestParam(required = false) @Parameter(example = "K0080") String courseCode,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        EnrolmentFilter filter = new EnrolmentFilter(
                EnrolmentDirection.parse(direction),
                status,
                studentId,
                courseCode == null || courseCode.isBlank() ? null : CourseCode.of(courseCode));
        return responses.of(queries.list(filter, page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One enrolment with its results, every version and receipt, and its timeline")
    EnrolmentResponse get(@PathVariable UUID id) {
        return responses.of(queries.get(new EnrolmentId(id)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Home school: request an enrolment of a student at a host school")
    ResponseEntity<EnrolmentResponse> request(
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RequestEnrolmentBody body,
            HttpServletRequest http) {
        return idempotent.respond(idempotencyKey, http, body, EnrolmentResponse.class, () -> {
            Enrolment requested = enrolments.execute(
                    new RequestEnrolment(
                            body.enrolmentId() == null ? null : new EnrolmentId(body.enrolmentId()),
                            SchoolCode.of(body.hostSchool()),
                            body.student().toDomain(),
                            body.course().toDomain()),
                    Registrar.of(http));
            return ResponseEntity.created(URI.create("/api/v1/enrolments/" + requested.id()))
                    .body(details(requested.id()));
        });
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Host school: admit the student")
    ResponseEntity<EnrolmentResponse> accept(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody(required = false) AcceptBody body,
            HttpServletRequest http) {
        return idempotent.respond(idempotencyKey, http, body, EnrolmentResponse.class, () -> {
            EnrolmentId enrolmentId = new EnrolmentId(id);
            enrolments.execute(new AcceptEnrolment(enrolmentId, body == null ? null : body.note()), Registrar.of(http));
            return ResponseEntity.ok(details(enrolmentId));
        });
    }

    @PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Host school: do not admit the student")
    ResponseEntity<EnrolmentResponse> reject(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RejectBody body,
            HttpServletRequest http) {
        return idempotent.respond(idempotencyKey, http, body, EnrolmentResponse.class, () -> {
            EnrolmentId enrolmentId = new EnrolmentId(id);
            enrolments.execute(
                    new RejectEnrolment(enrolmentId, body.reasonCode(), body.reasonText()), Registrar.of(http));
            return ResponseEntity.ok(details(enrolmentId));
        });
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Home school: withdraw the student")
    ResponseEntity<EnrolmentResponse> withdraw(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody(required = false) WithdrawBody body,
            HttpServletRequest http) {
        return idempotent.respond(idempotencyKey, http, body, EnrolmentResponse.class, () -> {
            EnrolmentId enrolmentId = new EnrolmentId(id);
            enrolments.execute(
                    new WithdrawEnrolment(enrolmentId, body == null ? null : body.reason()), Registrar.of(http));
            return ResponseEntity.ok(details(enrolmentId));
        });
    }

    private EnrolmentResponse details(EnrolmentId id) {
        return responses.of(queries.get(id));
    }
}
