package io.rapport.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.web.StoredLanguages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which language a request is answered in: a signed-in person's stored choice beats their browser on pages, while
 * the API speaks as its client asks, whatever the token's agent chose for the desk.
 */
class LanguageResolverTests {

    final LanguageResolver resolver = new LanguageResolver(List.<StoredLanguages>of(signedIn -> Optional.of("de")));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static MockHttpServletRequest request(String path, String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addPreferredLocale(Locale.forLanguageTag(acceptLanguage));
        return request;
    }

    @Test
    void aStoredChoiceBeatsTheBrowserOnPagesButNotOnTheApi() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("agent", null, "agent"));
        assertThat(resolver.resolveLocale(request("/tickets", "en"))).isEqualTo(Locale.GERMAN);
        assertThat(resolver.resolveLocale(request("/api/v1/tickets", "en"))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request("/api/v1/tickets", "de"))).isEqualTo(Locale.GERMAN);
    }

    @Test
    void withoutAChoiceTheBrowserDecides() {
        assertThat(resolver.resolveLocale(request("/tickets", "de-AT"))).isEqualTo(Locale.GERMAN);
        assertThat(resolver.resolveLocale(request("/tickets", "fr")))
                .as("not spoken here")
                .isEqualTo(Locale.ENGLISH);
    }
}
