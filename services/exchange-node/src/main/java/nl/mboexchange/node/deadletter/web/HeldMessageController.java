package nl.mboexchange.node.deadletter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.mboexchange.node.deadletter.HeldMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of outbox messages that cannot be sent. Each holds back only the later messages of its own
 * enrolment; the operator sends it again once the cause is fixed, or releases it to the dead letters.
 */
@RestController
@RequestMapping(path = "/api/v1/operations/outbox/held", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations")
class HeldMessageController {

    private final ObjectProvider<HeldMessages> held;

    HeldMessageController(ObjectProvider<HeldMessages> held) {
        this.held = held;
    }

    @GetMapping
    @Operation(summary = "List the held outbox messages, oldest first, with why and how many wait behind each")
    List<HeldMessages.Held> list() {
        HeldMessages messages = held.getIfAvailable();
        return messages == null ? List.of() : messages.list();
    }

    @PostMapping("/{id}/send-again")
    @Operation(summary = "Send a held message again, in its place, once the cause is fixed")
    ResponseEntity<?> sendAgain(@PathVariable long id) {
        HeldMessages messages = held.getIfAvailable();
        return messages != null && messages.sendAgain(id)
                ? ResponseEntity.noContent().build()
                : notFound(id);
    }

    @PostMapping(path = "/{id}/release", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Release a held message to the dead letters, with a reason",
            description = "The later messages of its enrolment are sent without it.")
    ResponseEntity<?> release(@PathVariable long id, @Valid @RequestBody ReleaseBody body) {
        HeldMessages messages = held.getIfAvailable();
        return messages != null && messages.release(id, body.reason())
                ? ResponseEntity.noContent().build()
                : notFound(id);
    }

    /** @param reason why the operator gives the message up, kept with the dead letter */
    record ReleaseBody(@NotBlank @Size(max = 1000) String reason) {}

    private static ResponseEntity<ProblemDetail> notFound(long id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no held outbox message " + id);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
