package nl.mboexchange.node.deadletter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.deadletter.DeadLetterService;
import nl.mboexchange.node.deadletter.StoredDeadLetter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of the records this node would not take in, and the replay of them once the cause is fixed. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/operations/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations", description = "For operators: dead letters and outbox messages that cannot be sent")
class DeadLetterController {

    private final DeadLetterService deadLetters;

    DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "List dead letters, newest first: the open ones, or all with all=true")
    List<DeadLetterView> list(
            @RequestParam(defaultValue = "false") @Parameter(description = "also the ones taken in by a replay")
                    boolean all,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return deadLetters.list(all, size, (long) page * size).stream()
                .map(DeadLetterView::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter")
    ResponseEntity<?> get(@PathVariable long id) {
        return deadLetters
                .find(id)
                .<ResponseEntity<?>>map(letter -> ResponseEntity.ok(DeadLetterView.of(letter)))
                .orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/replay")
    @Operation(
            summary = "Take one dead letter in again, through the listener that refused it",
            description = "An event applied before is recognised and changes nothing; a refused one is applied when"
                    + " the state allows it now. The answer says what the replay found.")
    ResponseEntity<?> replay(@PathVariable long id) {
        try {
            return deadLetters
                    .replay(id)
                    .<ResponseEntity<?>>map(letter -> ResponseEntity.ok(DeadLetterView.of(letter)))
                    .orElseGet(() -> notFound(id));
        } catch (IllegalStateException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("Cannot replay here");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
    }

    @PostMapping("/replay")
    @Operation(summary = "Take every open dead letter in again, oldest first (at most 1000 a call)")
    List<DeadLetterView> replayOpen() {
        return deadLetters.replayOpen().stream().map(DeadLetterView::of).toList();
    }

    private static ResponseEntity<ProblemDetail> notFound(long id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no dead letter " + id);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /**
     * A dead letter as the operator sees it; the record's bytes stay on the dead-letter topic and in the database.
     *
     * @param id its id, to replay it
     * @param source the listener that refused it: EXCHANGE, SIS_COMMANDS or OUTBOX
     * @param topic the channel or topic it came from
     * @param partition its partition
     * @param offset its offset
     * @param enrolmentId its key, the enrolment id
     * @param eventId the event's or command's id, when it decoded that far
     * @param reason why, in a word: UNDECODABLE, INVALID, FORGED, REFUSED, UNPROCESSABLE or UNSENDABLE
     * @param code the refusal's code, e.g. TransitionNotAllowed
     * @param detail why, for a person
     * @param deadLetteredAt when
     * @param replayedAt when a replay took it in; absent while it is open
     * @param replayOutcome what the last replay found
     */
    record DeadLetterView(
            long id,
            String source,
            String topic,
            int partition,
            long offset,
            String enrolmentId,
            UUID eventId,
            String reason,
            String code,
            String detail,
            Instant deadLetteredAt,
            Instant replayedAt,
            String replayOutcome) {

        static DeadLetterView of(StoredDeadLetter letter) {
            return new DeadLetterView(
                    letter.id(),
                    letter.source().name(),
                    letter.topic(),
                    letter.partition(),
                    letter.offset(),
                    letter.key(),
                    letter.eventId(),
                    letter.reason(),
                    letter.code(),
                    letter.detail(),
                    letter.deadLetteredAt(),
                    letter.replayedAt(),
                    letter.replayOutcome());
        }
    }
}
