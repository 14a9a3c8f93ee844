package nl.mboexchange.node.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Keeps the registrar's choice of language in a cookie, and only the languages the console has texts for: any other
 * is Dutch. The browser's own preference is not asked, as the console is Dutch by default.
 */
final class ConsoleLanguages implements LocaleResolver {

    private final CookieLocaleResolver cookie = new CookieLocaleResolver("MBO_CONSOLE_LANGUAGE");

    ConsoleLanguages() {
        cookie.setDefaultLocale(ConsoleConfiguration.DUTCH);
        cookie.setCookieMaxAge(Duration.ofDays(365));
        cookie.setCookieHttpOnly(true);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return supported(cookie.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        cookie.setLocale(request, response, locale == null ? null : supported(locale));
    }

    private static Locale supported(Locale locale) {
        return ConsoleConfiguration.ENGLISH.getLanguage().equals(locale.getLanguage())
                ? ConsoleConfiguration.ENGLISH
                : ConsoleConfiguration.DUTCH;
    }
}
