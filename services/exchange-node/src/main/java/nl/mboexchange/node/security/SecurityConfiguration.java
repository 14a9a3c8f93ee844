package nl.mboexchange.node.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

/**
 * The REST API is for this school's registrars only, and its operations part for its operators, authenticated with
 * HTTP Basic and without sessions. The school
 * code of the node decides what exists: its database holds only its own enrolments. Health, metrics and the API
 * documentation stay open for operators and monitoring.
 *
 * <p>The same registrars sign in to the console (every other path) with a form. A browser keeps that sign-in in a
 * session cookie, which it sends along with any request, so the console's forms carry a CSRF token. The API never
 * reads that session: a request to it is authenticated by its own Basic header, or not at all.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REGISTRAR = "REGISTRAR";
    static final String OPERATOR = "OPERATOR";

    /** What the stateless chain answers for; everything else is the console. */
    private static final String[] API_AND_OPERATIONS = {
        "/api/**",
        "/actuator/**",
        "/actuator",
        "/v3/api-docs/**",
        "/v3/api-docs",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/error"
    };

    /** A request htmx makes in the background of a page: it says so in a header. */
    private static final RequestMatcher BACKGROUND = request -> "true".equals(request.getHeader("HX-Request"));

    /** The console loads scripts and styles only from the node itself, and no other site may frame it. */
    private static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher(API_AND_OPERATIONS)
                .authorizeHttpRequests(requests -> requests
                        // The error page renders what went wrong with a request that was let through, or refused
                        // (401); denying it turned every such answer into an empty 403. A client cannot dispatch to
                        // it directly: a plain request to /error is still denied below.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/actuator/health/**",
                                "/actuator/health",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/v3/api-docs",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/api/v1/operations/**")
                        .hasRole(OPERATOR)
                        .requestMatchers("/api/**")
                        .hasRole(REGISTRAR)
                        .anyRequest()
                        .denyAll())
                .httpBasic(Customizer.withDefaults())
                // A stateless API authenticated on every request: no session, so no session to ride on (CSRF).
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(
                        requests -> requests.requestMatchers("/login", "/console/**", "/webjars/**", "/favicon.ico")
                                .permitAll()
                                .anyRequest()
                                .hasRole(REGISTRAR))
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/"))
                // A page's background update that finds the session expired sends the whole page to the sign-in,
                // rather than showing the sign-in inside the page; it is not the page to return to afterwards.
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn()))
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // CSRF stays on, with the token in the session: every form of the console is a state change.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_POLICY)))
                .build();
    }

    @Bean
    UserDetailsService registrars(RegistrarProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        properties.registrars().forEach(registrar -> users.add(user(registrar, REGISTRAR)));
        properties.operators().forEach(operator -> users.add(user(operator, OPERATOR)));
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(RegistrarProperties.Registrar account, String role) {
        return User.withUsername(account.username())
                .password(stored(account.password()))
                .passwordEncoder(password -> password)
                .roles(role)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Every page that needs a registrar leads to the sign-in page; a background update tells htmx to go there. */
    private static AuthenticationEntryPoint signIn() {
        return new DelegatingAuthenticationEntryPoint(
                new LoginUrlAuthenticationEntryPoint("/login"),
                new RequestMatcherEntry<AuthenticationEntryPoint>(BACKGROUND, SecurityConfiguration::toSignIn));
    }

    private static void toSignIn(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) {
        response.setHeader("HX-Redirect", request.getContextPath() + "/login");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }

    private static RequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> !BACKGROUND.matches(request));
        return cache;
    }

    private static String stored(String password) {
        return password.startsWith("{") ? password : "{noop}" + password;
    }
}
