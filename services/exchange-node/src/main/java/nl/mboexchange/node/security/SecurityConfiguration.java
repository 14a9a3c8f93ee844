package nl.mboexchange.node.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

/**
 * Who may do what. Registrars act; readers (staff who check status) read what registrars read and change nothing;
 * operators handle dead letters, held messages and replays, and read the metrics; monitors (a Prometheus scraper)
 * read only the metrics. The REST API and its operations part are authenticated with HTTP Basic and without
 * sessions. The school code of the node decides what exists: its database holds only its own enrolments. Health and
 * the API documentation stay open.
 *
 * <p>Registrars and readers sign in to the console (every other path) with a form. A browser keeps that sign-in in a
 * session cookie, which it sends along with any request, so the console's forms carry a CSRF token. The API never
 * reads that session: a request to it is authenticated by its own Basic header, or not at all.
 *
 * <p>Every sign-in, Basic or form, goes through one check: the throttle first ({@link LoginThrottle}), then the
 * password against its slow hash, remembered for a short while once it passed ({@link VerifiedPasswords}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REGISTRAR = "REGISTRAR";
    static final String READER = "READER";
    static final String OPERATOR = "OPERATOR";
    static final String MONITOR = "MONITOR";

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
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager signIn) throws Exception {
        return http.securityMatcher(API_AND_OPERATIONS)
                .authenticationManager(signIn)
                .authorizeHttpRequests(requests -> requests
                        // The error page renders what went wrong with a request that was let through, or refused
                        // (401); denying it turned every such answer into an empty 403. A client cannot dispatch to
                        // it directly: a plain request to /error is still denied below.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyRole(OPERATOR, MONITOR)
                        .requestMatchers(
                                "/actuator/health/**",
                                "/actuator/health",
                                "/actuator/info",
                                "/v3/api-docs/**",
                                "/v3/api-docs",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/api/v1/operations/**")
                        .hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(REGISTRAR, READER)
                        .requestMatchers("/api/**")
                        .hasRole(REGISTRAR)
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicOrThrottled()))
                // A stateless API authenticated on every request: no session, so no session to ride on (CSRF).
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, AuthenticationManager signIn) throws Exception {
        return http.authenticationManager(signIn)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/login", "/console/**", "/webjars/**", "/favicon.ico")
                                .permitAll()
                                // The form to request an enrolment is an action; every other page only shows.
                                .requestMatchers(HttpMethod.GET, "/enrolments/new")
                                .hasRole(REGISTRAR)
                                .requestMatchers(HttpMethod.GET, "/**")
                                .hasAnyRole(REGISTRAR, READER)
                                .anyRequest()
                                .hasRole(REGISTRAR))
                .formLogin(login -> login.loginPage("/login")
                        .defaultSuccessUrl("/")
                        .failureHandler(SecurityConfiguration::signInFailed))
                // A page's background update that finds the session expired sends the whole page to the sign-in,
                // rather than showing the sign-in inside the page; it is not the page to return to afterwards.
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn()))
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // CSRF stays on, with the token in the session: every form of the console is a state change.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_POLICY)))
                .build();
    }

    /**
     * Spring Security observes nothing of its own: wrapped around each of its filters, its sign-ins and its access
     * decisions, those observations cost a tenth of a request's CPU, and no dashboard reads them. Each request is still
     * timed as a whole ({@code http.server.requests}), refusals included.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    InMemoryUserDetailsManager accounts(RegistrarProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        properties.registrars().forEach(registrar -> users.add(user(registrar, REGISTRAR)));
        properties.readers().forEach(reader -> users.add(user(reader, READER)));
        properties.operators().forEach(operator -> users.add(user(operator, OPERATOR)));
        properties.monitors().forEach(monitor -> users.add(user(monitor, MONITOR)));
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * The one check of a user name and password. A plain-text password from the configuration is stored as a BCrypt
     * hash after its first successful check (the accounts are an {@link UserDetailsPasswordService}).
     */
    @Bean
    AuthenticationManager signIn(InMemoryUserDetailsManager accounts, LoginProperties login, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(new VerifiedPasswords(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), login.verifiedPasswordsFor(), clock));
        passwords.setUserDetailsPasswordService(accounts);
        return new ProviderManager(new ThrottledSignIn(passwords, new LoginThrottle(login, clock)));
    }

    private static UserDetails user(RegistrarProperties.Registrar account, String role) {
        return User.withUsername(account.username())
                .password(stored(account.password()))
                .passwordEncoder(password -> password)
                .roles(role)
                .build();
    }

    /** A throttled client gets 429 and when to try again; any other failed or missing sign-in gets 401. */
    private static AuthenticationEntryPoint basicOrThrottled() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("MBO Exchange");
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottled throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(throttled)));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter()
                        .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                                + "\"detail\":\"Too many failed sign-ins; try again later.\"}");
            } else {
                basic.commence(request, response, exception);
            }
        };
    }

    private static void signInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String outcome = exception instanceof LoginThrottled ? "/login?throttled" : "/login?error";
        response.sendRedirect(request.getContextPath() + outcome);
    }

    private static long seconds(LoginThrottled throttled) {
        return Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
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
