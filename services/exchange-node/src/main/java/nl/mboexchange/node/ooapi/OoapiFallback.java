package nl.mboexchange.node.ooapi;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the OOAPI view answers beyond its three GETs, in OOAPI's problem body like the rest of it: another method on
 * one of them is 405, any other OOAPI path 404. Without this, Spring would answer both before any handler of the view
 * is chosen, in the RFC 9457 body of {@code /api/v1}. The more specific mappings of {@link OoapiController} win for
 * what it serves.
 */
@Hidden
@RestController
@RequestMapping("/ooapi")
class OoapiFallback {

    @RequestMapping(
            path = {
                "/v5/associations/{associationId}",
                "/v5/persons/{personId}/associations",
                "/v5/offerings/{offeringId}/associations"
            },
            method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    ResponseEntity<OoapiProblem> methodNotAllowed(HttpServletRequest request) {
        ResponseEntity<OoapiProblem> problem = OoapiProblems.problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "Method not allowed",
                "The OOAPI view is read-only: " + request.getMethod() + " is not allowed here, only GET");
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header(HttpHeaders.ALLOW, HttpMethod.GET.name())
                .body(problem.getBody());
    }

    @RequestMapping("/**")
    ResponseEntity<OoapiProblem> notOffered(HttpServletRequest request) {
        return OoapiProblems.problem(
                HttpStatus.NOT_FOUND,
                "Not found",
                request.getRequestURI() + " is not an OOAPI endpoint this node offers");
    }
}
