package nl.mboexchange.node.ooapi;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OOAPI view takes the same registrars as {@code /api/v1}: HTTP Basic, stateless, the same accounts and role. Its
 * own chain only so that a refused request gets OOAPI's problem body rather than an empty 401.
 */
@Configuration(proxyBeanMethods = false)
class OoapiSecurity {

    /** The role the security configuration gives every registrar account. */
    private static final String REGISTRAR = "REGISTRAR";

    private static final String REALM = "MBO Exchange";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain ooapi(HttpSecurity http, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> write(
                response,
                json,
                OoapiProblem.of(
                        HttpStatus.UNAUTHORIZED,
                        "Unauthorized",
                        "Authenticate as a registrar of this school, with HTTP Basic"));
        return http.securityMatcher("/ooapi/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(REGISTRAR))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
                // Stateless and authenticated on every request, as /api/v1: no session, so no session to ride (CSRF).
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    private static void write(HttpServletResponse response, JsonMapper json, OoapiProblem problem) throws IOException {
        response.setStatus(Integer.parseInt(problem.status()));
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        response.setContentType(OoapiProblems.PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), problem);
    }
}
