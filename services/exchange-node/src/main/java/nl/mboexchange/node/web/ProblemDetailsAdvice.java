package nl.mboexchange.node.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.mboexchange.node.idempotency.IdempotencyKeyReused;
import nl.mboexchange.node.shared.InvalidInput;
import nl.mboexchange.node.shared.Refusal;
import nl.mboexchange.node.shared.RefusalOutcome;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Maps every error to an RFC 9457 problem detail, once for the whole API: 400 for bad input, with the offending
 * fields in {@code errors}; 404 for what does not exist; 409 for a change the state does not allow, or a stale
 * version; 413 for a body above {@link ApiProperties#maxRequestBody()}; 422 for a reused idempotency key. Refusals
 * carry their {@code code}, e.g. {@code TransitionNotAllowed}. Anything else is a 500 with an {@code errorId} that the
 * ERROR log line repeats, and nothing of the cause.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal) {
        RefusalOutcome outcome = RefusalOutcome.of(refusal);
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(outcome.httpStatus()), refusal.getMessage());
        problem.setTitle(outcome.title());
        problem.setProperty("code", refusal.code());
        if (refusal instanceof InvalidInput invalid) {
            problem.setProperty("errors", List.of(error(invalid.field(), refusal.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The enrolment was changed at the same time; read it again and retry");
        problem.setTitle("Changed concurrently");
        problem.setProperty("code", "ConcurrentChange");
        return problem;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The enrolment was created at the same time; read it again and retry");
        problem.setTitle("Created concurrently");
        problem.setProperty("code", "ConcurrentChange");
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused exception) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
        problem.setTitle("Idempotency key reused");
        problem.setProperty("code", "IdempotencyKeyReused");
        return problem;
    }

    @ExceptionHandler(RequestBodyTooLarge.class)
    ProblemDetail tooLarge(RequestBodyTooLarge exception) {
        return tooLargeProblem(exception);
    }

    /** The last resort: without it, the error would end on the servlet container's error page. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception, HttpServletRequest request) {
        return UnexpectedError.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, exception, request.getMethod(), request.getRequestURI());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError field : exception.getBindingResult().getFieldErrors()) {
            errors.add(error(field.getField(), field.getDefaultMessage()));
        }
        exception
                .getBindingResult()
                .getGlobalErrors()
                .forEach(global -> errors.add(error(global.getObjectName(), global.getDefaultMessage())));
        return badRequest("The request has invalid fields", errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        exception
                .getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors().forEach(error -> {
                    String name = result.getMethodParameter().getParameterName();
                    errors.add(error(name, error.getDefaultMessage()));
                }));
        return badRequest("The request has invalid parameters", errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The limit is hit while the body is parsed, so it arrives as the cause of an unreadable body.
        RequestBodyTooLarge tooLarge = causeOfType(exception, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .headers(headers)
                    .body(tooLargeProblem(tooLarge));
        }
        JacksonException cause = jacksonCause(exception);
        if (cause == null || cause.getPath().isEmpty()) {
            return badRequest("The request body is missing or is not valid JSON", List.of(), headers);
        }
        String field = path(cause.getPath());
        return badRequest(
                "The request body has a value of the wrong type",
                List.of(error(field, "has a value of the wrong type or format")),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = exception.getPropertyName();
        String type = exception.getRequiredType() == null
                ? "value"
                : exception.getRequiredType().getSimpleName();
        return badRequest(
                "A parameter has a value of the wrong type",
                List.of(error(name, "'" + exception.getValue() + "' is not a valid " + type)),
                headers);
    }

    private static ResponseEntity<Object> badRequest(
            String detail, List<Map<String, String>> errors, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        List<Map<String, String>> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing((Map<String, String> error) -> error.get("field"))
                .thenComparing(error -> error.get("message")));
        problem.setProperty("errors", sorted);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field == null ? "" : field, "message", message == null ? "is invalid" : message);
    }

    private static ProblemDetail tooLargeProblem(RequestBodyTooLarge exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + exception.limit() + " bytes");
        problem.setTitle("Request body too large");
        problem.setProperty("code", "RequestBodyTooLarge");
        return problem;
    }

    private static JacksonException jacksonCause(Throwable exception) {
        return causeOfType(exception, JacksonException.class);
    }

    private static <T extends Throwable> T causeOfType(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
