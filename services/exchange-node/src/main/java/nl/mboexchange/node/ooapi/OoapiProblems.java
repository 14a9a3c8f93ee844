package nl.mboexchange.node.ooapi;

import nl.mboexchange.node.shared.InvalidInput;
import nl.mboexchange.node.shared.NotFound;
import nl.mboexchange.node.shared.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the OOAPI view as OOAPI's problem body: 400 for bad input (an id that is no UUID, a page size OOAPI
 * does not offer), 404 for what does not exist. Ahead of the API's own advice, whose problem details give the status
 * as a number, as RFC 9457 does.
 */
@RestControllerAdvice(assignableTypes = {OoapiController.class, OoapiFallback.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OoapiProblems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final Logger log = LoggerFactory.getLogger(OoapiProblems.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<OoapiProblem> invalidInput(InvalidInput refusal) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", refusal.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<OoapiProblem> typeMismatch(MethodArgumentTypeMismatchException exception) {
        String type = exception.getRequiredType() == null
                ? "value"
                : exception.getRequiredType().getSimpleName();
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                exception.getName() + ": '" + exception.getValue() + "' is not a valid " + type);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<OoapiProblem> notFound(NotFound refusal) {
        return problem(HttpStatus.NOT_FOUND, "Not found", refusal.getMessage());
    }

    /**
     * What Spring MVC itself refuses (a method not allowed, a missing parameter) keeps its status; anything else is a
     * fault of this node.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<OoapiProblem> other(Exception exception) {
        if (exception instanceof ErrorResponse refused
                && !refused.getStatusCode().is5xxServerError()) {
            String title = refused.getBody().getTitle();
            return problem(
                    refused.getStatusCode(),
                    title == null ? "Bad request" : title,
                    refused.getBody().getDetail());
        }
        log.error("OOAPI request failed", Redacted.of(exception));
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", "The request failed; see the node's log");
    }

    static ResponseEntity<OoapiProblem> problem(HttpStatusCode status, String title, String detail) {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(OoapiProblem.of(status, title, detail));
    }
}
