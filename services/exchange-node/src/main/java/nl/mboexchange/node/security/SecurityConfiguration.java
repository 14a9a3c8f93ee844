package nl.mboexchange.node.security;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The REST API is for this school's registrars only, and its operations part for its operators, authenticated with
 * HTTP Basic and without sessions. The school
 * code of the node decides what exists: its database holds only its own enrolments. Health, metrics and the API
 * documentation stay open for operators and monitoring.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REGISTRAR = "REGISTRAR";
    static final String OPERATOR = "OPERATOR";

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
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

    private static String stored(String password) {
        return password.startsWith("{") ? password : "{noop}" + password;
    }
}
