package nl.mboexchange.node.console;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mboexchange.node.school.SchoolCode;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page of the console shows: which school's node this is, and where the language switch leads. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private static final Pattern ENROLMENT_ACTION = Pattern.compile("(/enrolments/[^/]+)/[^/]+");

    private final SchoolCode self;

    ConsoleModel(SchoolCode self) {
        this.self = self;
    }

    @ModelAttribute("school")
    String school() {
        return self.value();
    }

    /** Who is signed in, or {@code null} on the sign-in page. */
    @ModelAttribute("registrar")
    String registrar(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /** Whether the signed-in user may act (a registrar), or only look (a reader): a reader sees no forms. */
    @ModelAttribute("mayAct")
    boolean mayAct(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_REGISTRAR".equals(authority.getAuthority()));
    }

    /**
     * The page to show again in the other language: this one, or after a refused form, the page the form is on
     * (a form's address only takes a POST).
     */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod())) {
            return UriComponentsBuilder.fromPath(path)
                    .query(request.getQueryString())
                    .replaceQueryParam("lang")
                    .build()
                    .toUriString();
        }
        Matcher action = ENROLMENT_ACTION.matcher(path);
        if (action.matches()) {
            return action.group(1);
        }
        return "/enrolments".equals(path) ? "/enrolments/new" : "/";
    }
}
