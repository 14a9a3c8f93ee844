package nl.mboexchange.node.enrolment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.application.CorrectResult;
import nl.mboexchange.node.enrolment.application.EnrolmentQueries;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.enrolment.application.RecordResult;
import nl.mboexchange.node.enrolment.application.RevokeResult;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.web.IdempotentResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Results of an incoming enrolment, recorded, corrected and revoked by the host school. */
@RestController
@RequestMapping(
        path = "/api/v1/enrolments/{id}/results",
        produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Results", description = "Recorded by the host school; every version is kept and acknowledged")
class ResultController {

    private final EnrolmentService enrolments;
    private final EnrolmentQueries queries;
    private final EnrolmentResponses responses;
    private final IdempotentResponses idempotent;

    ResultController(
            EnrolmentService enrolments,
            EnrolmentQueries queries,
            EnrolmentResponses responses,
            IdempotentResponses idempotent) {
        this.enrolments = enrolments;
        this.queries = queries;
        this.responses = responses;
        this.idempotent = idempotent;
    }

    @PostMapping
    @Operation(summary = "Host school: record the first result of an attempt")
    ResponseEntity<EnrolmentResponse> record(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RecordResultBody body,
            HttpServletRequest http) {
        return idempotent.respond(idempotencyKey, http, body, EnrolmentResponse.class, () -> {
            EnrolmentId enrolmentId = new EnrolmentId(id);
            enrolments.execute(
                    new RecordResult(
                            enrolmentId,
                            body.attempt(),
                            Grade.canonical(body.grade()),
                            body.finalResult(),
                            body.assessedOn()),
                    Registrar.of(http));
            return ResponseEntity.ok(details(enrolmentId));
        });
    }

    @PostMapping("/{attempt}/corrections")
    @Operation(summary = "Host school: correct the result of an attempt; 409 when expectedVersion is not the latest")
    ResponseEntity<EnrolmentResponse> correct(
            @PathVariable UUID id,
            @PathVariable int attempt,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CorrectResultBody body,
            HttpServletRequest http) {
        return idempotent.respond(idempotencyKey, http, body, EnrolmentResponse.class, () -> {
            EnrolmentId enrolmentId = new EnrolmentId(id);
            enrolments.execute(
                    new CorrectResult(
                            enrolmentId,
                            attempt,
                            body.expectedVersion(),
                            Grade.canonical(body.grade()),
                            body.finalResult(),
                            body.assessedOn(),
                            body.reason()),
                    Registrar.of(http));
            return ResponseEntity.ok(details(enrolmentId));
        });
    }

    @PostMapping("/{attempt}/revocation")
    @Operation(summary = "Host school: revoke the result of an attempt")
    ResponseEntity<EnrolmentResponse> revoke(
            @PathVariable UUID id,
            @PathVariable int attempt,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RevokeResultBody body,
            HttpServletRequest http) {
        return idempotent.respond(idempotencyKey, http, body, EnrolmentResponse.class, () -> {
            EnrolmentId enrolmentId = new EnrolmentId(id);
            enrolments.execute(new RevokeResult(enrolmentId, attempt, body.reason()), Registrar.of(http));
            return ResponseEntity.ok(details(enrolmentId));
        });
    }

    private EnrolmentResponse details(EnrolmentId id) {
        return responses.of(queries.get(id));
    }
}
