package nl.mboexchange.node.web;

import java.io.IOException;

/**
 * The request body is larger than {@link ApiProperties#maxRequestBody()}. An {@link IOException}, because it is thrown
 * while the body is read, and the readers pass I/O failures on as the cause of their own.
 */
final class RequestBodyTooLarge extends IOException {

    private final long limit;

    RequestBodyTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
