package nl.mboexchange.node.streams.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.mboexchange.node.school.InvalidSchoolCode;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.streams.EnrolmentStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of the order of events between schools: the events held until their predecessors arrive, and
 * reconciliation with a partner on demand (it also runs on its own, every {@code mbo.exchange.reconciliation-interval}).
 */
@RestController
@RequestMapping(path = "/api/v1/operations/exchange", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations")
class StreamsController {

    private static final int MOST_LISTED = 1000;

    private final ObjectProvider<EnrolmentStreams> streams;

    StreamsController(ObjectProvider<EnrolmentStreams> streams) {
        this.streams = streams;
    }

    @GetMapping("/held")
    @Operation(
            summary = "List the events held because they arrived before one of their predecessors, oldest first",
            description = "Each is applied, in order, as soon as the events before it have arrived; at most 1000.")
    List<EnrolmentStreams.HeldEvent> held() {
        EnrolmentStreams available = streams.getIfAvailable();
        return available == null ? List.of() : available.held(MOST_LISTED);
    }

    @PostMapping("/reconciliation")
    @Operation(
            summary = "Ask partner schools to send again what this node misses",
            description = "Without school, every member this node shares an enrolment with is asked. Each partner"
                    + " sends again, from its own store, the events after the position this node has received without"
                    + " a gap, per enrolment; they are applied in order, and duplicates change nothing.")
    ResponseEntity<?> reconcile(@RequestParam(required = false) String school) {
        EnrolmentStreams available = streams.getIfAvailable();
        if (available == null) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "this node does not exchange on Kafka");
        }
        SchoolCode partner;
        try {
            partner = school == null ? null : SchoolCode.of(school);
        } catch (InvalidSchoolCode e) {
            return problem(HttpStatus.BAD_REQUEST, "school is not an institution code");
        }
        return ResponseEntity.accepted().body(available.reconcile(partner));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).body(problem);
    }
}
