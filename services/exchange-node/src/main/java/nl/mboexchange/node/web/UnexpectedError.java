package nl.mboexchange.node.web;

import java.util.UUID;
import nl.mboexchange.node.shared.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The answer to an error that no rule of the API foresaw: a problem with a fresh error id, and one ERROR line with the
 * same id and the stack trace. The body says nothing of the cause, which may hold personal data or internals; the id
 * lets an operator find it in the log, where the cause's messages are withheld as well ({@link Redacted}).
 */
final class UnexpectedError {

    static final String ERROR_ID = "errorId";

    private static final Logger log = LoggerFactory.getLogger(UnexpectedError.class);

    private UnexpectedError() {}

    static ProblemDetail problem(HttpStatusCode status, Throwable cause, String method, String path) {
        String errorId = UUID.randomUUID().toString();
        log.error(
                "Unexpected error {} answering {} {} with {}",
                errorId,
                method,
                path,
                status.value(),
                cause == null ? null : Redacted.of(cause));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, "An unexpected error occurred; quote error id " + errorId + " when reporting it");
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Unexpected error" : known.getReasonPhrase());
        problem.setProperty("code", "UnexpectedError");
        problem.setProperty(ERROR_ID, errorId);
        return problem;
    }
}
