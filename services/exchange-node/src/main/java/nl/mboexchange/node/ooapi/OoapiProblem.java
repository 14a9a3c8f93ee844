package nl.mboexchange.node.ooapi;

import org.springframework.http.HttpStatusCode;

/**
 * OOAPI's {@code Problem}, the body of every error of the view. Unlike RFC 9457, OOAPI gives the status as a string.
 *
 * @param status the HTTP status code, e.g. {@code "404"}
 * @param title a short summary of the problem
 * @param detail what went wrong with this request
 */
record OoapiProblem(String status, String title, String detail) {

    static OoapiProblem of(HttpStatusCode status, String title, String detail) {
        return new OoapiProblem(String.valueOf(status.value()), title, detail);
    }
}
