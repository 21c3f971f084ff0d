package io.github.customeremail.service;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page's language: Spanish unless the browser asks for English or Portuguese, and the switch on the page
 * ({@code ?lang=en}) kept in a cookie.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ClerkWebConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "customer-email-lang";

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                if (request.getAttribute(COOKIE) instanceof Locale chosen) {
                    return chosen; // switched in this very request: the cookie comes back only with the next one
                }
                if (request.getCookies() != null) {
                    for (Cookie c : request.getCookies()) {
                        if (c.getName().equals(COOKIE)) {
                            return Languages.pick(c.getValue());
                        }
                    }
                }
                return Languages.pick(request.getHeader("Accept-Language"));
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                Locale chosen = locale == null ? null : Languages.pick(locale.toLanguageTag());
                request.setAttribute(COOKIE, chosen);
                Cookie cookie = new Cookie(COOKIE, chosen == null ? "" : chosen.toLanguageTag());
                cookie.setPath("/");
                cookie.setHttpOnly(true);
                cookie.setMaxAge(locale == null ? 0 : 365 * 24 * 3600);
                cookie.setAttribute("SameSite", "Lax");
                response.addCookie(cookie);
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang).excludePathPatterns("/v1/**");
    }
}
