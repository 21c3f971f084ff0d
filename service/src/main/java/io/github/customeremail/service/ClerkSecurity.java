package io.github.customeremail.service;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationProvider;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.preauth.RequestHeaderAuthenticationFilter;

/**
 * Who may use what. The {@code /v1} API keeps its own guard ({@link RequestGuardFilter}, API keys), the Odoo
 * webhook its secret, and Actuator's health is open: no session, no CSRF token, no login there. Everything else is the clerks' page: a login (users of {@code customer-email.web.users},
 * or the header of a trusted reverse proxy) and CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ClerkSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(ClerkSecurity.class);

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        // The Odoo webhook checks its own secret; health is what load balancers and probes read without a login.
        http.securityMatcher("/v1/**", "/openapi.yaml", "/odoo/webhook", "/odoo/webhook/**", "/actuator/health",
                        "/actuator/health/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, ClerkProperties properties, UserDetailsService users)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/clerk/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "frame-ancestors 'none'; form-action 'self'")));
        if (!properties.proxyHeader().isBlank()) {
            http.addFilter(proxyFilter(properties));
        }
        if (properties.users().isEmpty() && properties.proxyHeader().isBlank()) {
            LOG.warn("the clerks' page has no users: set customer-email.web.users.NAME={bcrypt}… or "
                    + "customer-email.web.proxy-header");
        }
        return http.build();
    }

    /** The clerks of {@code customer-email.web.users}. */
    @Bean
    UserDetailsService clerkUsers(ClerkProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (Map.Entry<String, String> u : properties.users().entrySet()) {
            users.createUser(User.withUsername(u.getKey()).password(u.getValue()).roles("CLERK").build());
        }
        return users;
    }

    /** The reverse proxy's header names the clerk; it is believed only on connections from the proxy's addresses. */
    private static RequestHeaderAuthenticationFilter proxyFilter(ClerkProperties properties) {
        List<String> trusted = properties.proxyAddresses();
        RequestHeaderAuthenticationFilter filter = new RequestHeaderAuthenticationFilter() {
            @Override
            protected Object getPreAuthenticatedPrincipal(HttpServletRequest request) {
                if (!trusted.contains(request.getRemoteAddr())) {
                    return null;
                }
                Object name = super.getPreAuthenticatedPrincipal(request);
                return name == null || name.toString().isBlank() ? null : name.toString().strip();
            }
        };
        filter.setPrincipalRequestHeader(properties.proxyHeader());
        filter.setExceptionIfHeaderMissing(false);
        PreAuthenticatedAuthenticationProvider provider = new PreAuthenticatedAuthenticationProvider();
        provider.setPreAuthenticatedUserDetailsService((PreAuthenticatedAuthenticationToken token) -> clerk(
                token.getName()));
        filter.setAuthenticationManager(new ProviderManager(provider));
        return filter;
    }

    private static UserDetails clerk(String name) {
        return new User(name, "", AuthorityUtils.createAuthorityList("ROLE_CLERK"));
    }
}
