package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.Api;
import io.rapport.support.H2Database;
import io.rapport.support.IntegrationTest;
import io.rapport.support.TestMail;
import io.rapport.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing in over HTTP: back-off per account and address and per address, and sign-in links used once and for all. */
@H2Database
class SignInIntegrationTests extends IntegrationTest {

    String agent() {
        String email = "signin-" + UUID.randomUUID() + "@rapport.test";
        assertThat(admin().post(
                                "/api/v1/agents",
                                Map.of("email", email, "name", "Sign In", "password", "signin-password-1"))
                        .status())
                .isEqualTo(201);
        return email;
    }

    @Test
    void someoneGuessingFromOneAddressDoesNotLockTheOwnerOutAtAnother() {
        String email = agent();
        Api guesser = anonymous().from("203.0.113.10");
        for (int i = 0; i < 6; i++) {
            assertThat(guesser.basic(email, "wrong-" + i).get("/api/v1/tickets").status())
                    .isEqualTo(401);
        }
        var locked = guesser.basic(email, "signin-password-1").get("/api/v1/tickets");
        assertThat(locked.status())
                .as("the right password, from the guessing address")
                .isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(anonymous()
                        .from("198.51.100.20")
                        .basic(email, "signin-password-1")
                        .get("/api/v1/tickets")
                        .status())
                .as("the owner, from her own address")
                .isEqualTo(200);
    }

    @Test
    void oneAddressCannotTryPasswordsOnManyAccounts() {
        Api sprayer = anonymous().from("203.0.113.20");
        for (int i = 0; i < 31; i++) {
            assertThat(sprayer.basic("nobody-" + i + "@rapport.test", "password-" + i)
                            .get("/api/v1/tickets")
                            .status())
                    .isEqualTo(401);
        }
        String email = agent();
        assertThat(sprayer.basic(email, "signin-password-1")
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(429);
        assertThat(anonymous()
                        .from("198.51.100.21")
                        .basic(email, "signin-password-1")
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theFormSaysHowLongToWait() {
        String email = agent();
        WebSession browser = new WebSession(port).from("203.0.113.30");
        for (int i = 0; i < 6; i++) {
            browser.get("/login");
            browser.postForm("/login", Map.of("username", email, "password", "wrong"));
        }
        browser.get("/login");
        var locked = browser.postForm("/login", Map.of("username", email, "password", "signin-password-1"));
        assertThat(locked.headers().firstValue("Location").orElseThrow()).contains("/login?locked=");
    }

    /** Once a customer has signed in, an older link lying in the mailbox is dead too. */
    @Test
    void anOlderSignInLinkDiesWhenANewerOneIsUsed() {
        String email = "links-" + UUID.randomUUID() + "@example.com";
        WebSession customer = new WebSession(port);
        customer.get("/portal/login");
        customer.postForm("/portal/login", Map.of("email", email));
        String older = TestMail.signInLink(email);
        customer.get("/portal/login");
        customer.postForm("/portal/login", Map.of("email", email));
        String newer =
                TestMail.waitFor(email, m -> !TestMail.text(m).contains(older)).toString();
        newer = TestMail.signInLink(email);
        assertThat(newer).isNotEqualTo(older);

        WebSession phone = new WebSession(port);
        String path = newer.substring(newer.indexOf("/portal/auth"));
        phone.get(path);
        var signedIn = phone.postForm("/portal/auth", Map.of("token", path.substring(path.indexOf("token=") + 6)));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("login");

        WebSession laptop = new WebSession(port);
        String olderPath = older.substring(older.indexOf("/portal/auth"));
        var opened = laptop.get(olderPath);
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).contains("/portal/login");
    }
}
