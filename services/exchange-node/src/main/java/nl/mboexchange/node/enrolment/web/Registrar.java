package nl.mboexchange.node.enrolment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import nl.mboexchange.node.enrolment.application.Origin;

/** The registrar who sent a request, as the origin of what it changes. */
final class Registrar {

    private Registrar() {}

    /** The signed-in registrar; every path of this API requires one. */
    static Origin of(HttpServletRequest http) {
        Principal principal = http.getUserPrincipal();
        if (principal == null) {
            throw new IllegalStateException("a command of the API without a signed-in registrar");
        }
        return new Origin.Registrar(principal.getName());
    }
}
