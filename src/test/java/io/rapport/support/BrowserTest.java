package io.rapport.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browser tests: Debian's Chromium driven by Playwright against the real server. Playwright never downloads a browser
 * here; where /usr/bin/chromium is missing (a developer's laptop) it uses its own. Screenshots go to
 * target/screenshots.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static Playwright playwright;
    private static Browser browser;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launch() {
        Path chromium = Paths.get("/usr/bin/chromium");
        boolean debianChromium = Files.isExecutable(chromium);
        // With Debian's Chromium, Playwright must not download a browser (it cannot here); without it, it may.
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(debianChromium ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run"));
        if (debianChromium) {
            options.setExecutablePath(chromium);
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    protected BrowserContext newContext() {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1360, 860)
                .setBaseURL(base())
                .setLocale("en-GB"));
        c.setDefaultTimeout(15_000);
        return c;
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected void signInAsAgent(Page p, String email, String password) {
        p.navigate("/login");
        p.fill("input[name=username]", email);
        p.fill("input[name=password]", password);
        p.click("button[type=submit]");
        p.waitForURL("**/tickets**");
    }

    /** Signs a customer in to the portal the way a person does: ask for the link, open it from the mail. */
    protected void signInAsCustomer(Page p, String email) {
        p.navigate("/portal");
        p.fill("input[name=email]", email);
        p.click("[data-rapport=send-link]");
        p.waitForURL("**/portal/link-sent");
        String link = TestMail.signInLink(email);
        p.navigate(link.substring(link.indexOf("/portal/auth")));
        p.click("[data-rapport=confirm-sign-in]");
        p.waitForURL("**/portal/tickets");
    }

    protected void screenshot(String name) {
        screenshot(page, name);
    }

    protected void screenshot(Page of, String name) {
        try {
            Files.createDirectories(Paths.get("target/screenshots"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        of.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target/screenshots/" + name + ".png"))
                .setFullPage(true));
    }
}
