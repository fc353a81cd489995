package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.assertj.core.api.SoftAssertions;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI standard in a real browser: messages next to the action that caused them and in view, once;
 * converter messages in words naming the field; the unsaved-changes guard; the composites. The
 * standard is proved on a test-only page with every part of it (app/it-ui-standard.xhtml) and on the
 * screens built on it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UiStandardIT {

    private static final String PROBE = "app/it-ui-standard.xhtml";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithUiProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.shared(getClass(), contextRoot);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot(Path.of("target", "screenshots", test.getDisplayName().replaceAll("\\W+", "_") + ".png"));
        browser.nextTest(getClass());
    }

    /** One Chromium for the class's tests (see {@link Browser#shared}). */
    @AfterAll
    static void quitBrowser() {
        Browser.closeShared(UiStandardIT.class);
    }

    @Test
    void a_message_shows_once_next_to_the_button_that_caused_it_and_in_view() {
        browser.windowSize(1280, 800).signedIn("author1", Api.DEMO_PASSWORD).open(PROBE);
        assertThat(browser.inView("bottom-bar:bottom-action")).as("the bottom action starts below the first screen").isFalse();

        browser.clickAndWaitFor("bottom-bar:bottom-action", "Bottom action refused.");
        assertThat(browser.textOf("bottom-bar")).contains("Bottom action refused.").contains("Nothing was saved.");
        assertThat(browser.textOf("page-messages")).doesNotContain("Bottom action refused.");
        assertThat(browser.occurrences("Bottom action refused.")).isEqualTo(1);
        assertThat(browser.inView("bottom-bar:messages")).isTrue();

        browser.clickAndWaitFor("top-bar:top-action", "Top action done.");
        assertThat(browser.textOf("top-bar")).contains("Top action done.");
        assertThat(browser.occurrences("Top action done.")).isEqualTo(1);
        assertThat(browser.inView("top-bar:messages")).isTrue();
        assertThat(browser.text()).doesNotContain("Bottom action refused.");
    }

    @Test
    void a_plain_submit_shows_its_message_at_its_button_after_the_page_loads_again() {
        browser.windowSize(1280, 800).signedIn("author1", Api.DEMO_PASSWORD).open(PROBE);

        browser.clickAndWaitForPage("bottom-bar:plain-submit");
        browser.waitForTextOf("bottom-bar", "Plain submit done.");
        assertThat(browser.occurrences("Plain submit done.")).isEqualTo(1);
        assertThat(browser.textOf("page-messages")).isEmpty();
        browser.waitUntil("the message scrolled into view", () -> browser.inView("bottom-bar:messages"));
    }

    @Test
    void a_number_that_is_not_one_is_refused_in_words_naming_the_field_next_to_the_field() {
        browser.windowSize(1280, 800).signedIn("author1", Api.DEMO_PASSWORD).open(PROBE);

        browser.type("quantity", "abc");
        browser.clickAndWaitFor("save-bar:save", "is not a number");
        assertThat(browser.textOf("quantity-message")).isEqualTo("Quantity: 'abc' is not a number. Enter digits, e.g. 12.5.");
        assertThat(browser.occurrences("is not a number")).isEqualTo(1);
        assertThat(browser.text()).doesNotContain("j_idt").doesNotContain("quantity:");
        assertThat(browser.inView("quantity-message")).isTrue();
    }

    @Test
    void a_button_that_needs_saved_content_is_disabled_while_a_guarded_form_has_unsaved_edits() {
        browser.windowSize(1280, 800).signedIn("author1", Api.DEMO_PASSWORD).open(PROBE);
        assertThat(browser.enabled("bottom-bar:sign")).isTrue();
        assertThat(browser.wouldAskBeforeLeaving()).as("asks before leaving an untouched page").isFalse();

        browser.type("note", "typed, not saved");
        assertThat(browser.enabled("bottom-bar:sign")).as("sign while the note is unsaved").isFalse();
        assertThat(browser.wouldAskBeforeLeaving()).as("asks before leaving").isTrue();

        // a save refused by validation leaves the edits unsaved
        browser.type("quantity", "abc");
        browser.clickAndWaitFor("save-bar:save", "is not a number");
        assertThat(browser.enabled("bottom-bar:sign")).as("sign after a refused save").isFalse();

        browser.type("quantity", "12.5");
        browser.clickAndWaitFor("save-bar:save", "Saved 1.");
        browser.waitUntil("sign enabled after the save", () -> browser.enabled("bottom-bar:sign"));
        assertThat(browser.wouldAskBeforeLeaving()).as("asks before leaving when all is saved").isFalse();
        browser.clickAndWaitFor("bottom-bar:sign", "Signed.");
    }

    @Test
    void the_composites_show_a_worklist_with_count_and_links_status_in_words_and_the_empty_text() {
        browser.windowSize(1280, 800).signedIn("author1", Api.DEMO_PASSWORD).open(PROBE);

        assertThat(browser.textOf("tasks")).contains("Probe tasks").contains("3").contains("Granulate 2 (version 3)")
                .contains("In review").contains("All probe tasks");
        assertThat(browser.textOf("empty")).contains("Empty probe").contains("0").contains("Nothing waits for you.");
        assertThat(browser.textOf("probe-header:header-status")).isEqualTo("Effective");
        assertThat(browser.script("return document.querySelector('#tasks a.ebr-worklist-item').getAttribute('href')"))
                .asString().endsWith("/app/home.xhtml");
        assertThat(browser.script("return document.querySelector('#tasks a.ebr-worklist-item').getBoundingClientRect().height"))
                .asString().satisfies(height -> assertThat(Double.parseDouble(height)).isGreaterThanOrEqualTo(48));
    }

    @Test
    @Tag("TIME-2")
    void the_header_clock_ticks_on_in_server_time_also_where_the_clients_clock_is_wrong() {
        browser.windowSize(1280, 800).signedIn("author1", Api.DEMO_PASSWORD);
        browser.shiftClientClock(Duration.ofHours(-3));
        browser.open("app/change-password.xhtml");
        String rendered = browser.textOf("site-time");
        long serverMillis = Long.parseLong(String.valueOf(browser.script(
                "return document.getElementById('site-time').getAttribute('data-instant')")));
        assertThat(String.valueOf(browser.script("return String(Date.now() - Number(document.getElementById('site-time')"
                + ".getAttribute('data-instant')))"))).as("the client's clock is hours behind").startsWith("-");

        browser.waitUntil("the clock ticked", () -> !browser.textOf("site-time").equals(rendered));
        String ticked = browser.textOf("site-time");
        Matcher shown = SHOWN.matcher(ticked);
        assertThat(shown.matches()).as(ticked).isTrue();
        Instant clock = LocalDateTime.parse(shown.group(1), SHOWN_TIME).atZone(ZoneId.of(shown.group(2))).toInstant();
        // a clock from the client's time would be three hours behind; this one moved on from the server's instant
        assertThat(clock).isBetween(Instant.ofEpochMilli(serverMillis).minusSeconds(1),
                Instant.ofEpochMilli(serverMillis).plusSeconds(120));
        assertThat(ticked).endsWith("(" + shown.group(2) + ")");
    }

    @Test
    void the_accessibility_check_passes_the_standard_and_names_rule_and_element_of_a_violation() {
        browser.windowSize(1280, 800).signedIn("author1", Api.DEMO_PASSWORD).open(PROBE);
        browser.look("ui-standard-probe");
        browser.assertAccessible();

        browser.script("document.getElementById('filler').insertAdjacentHTML('beforeend',"
                + " '<img id=\"no-alt\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">');");
        assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt (critical)").hasMessageContaining("#no-alt");
    }

    @Test
    void an_irreversible_action_asks_first_in_the_one_confirmation_dialog() {
        browser.windowSize(1280, 800).signedIn("author1", Api.DEMO_PASSWORD).open(PROBE);

        browser.clickAndWaitFor("bottom-bar:discard", "Discard the probe? This cannot be undone.");
        browser.clickAndWaitFor("confirm-no", "Line 1");
        browser.waitForHidden("confirm-dialog");
        browser.waitForHidden("confirm-dialog_modal");
        assertThat(browser.text()).doesNotContain("Discarded.");

        browser.clickAndWaitFor("bottom-bar:discard", "Discard the probe? This cannot be undone.");
        browser.assertAccessible();
        browser.clickAndWaitFor("confirm-yes", "Discarded.");
        assertThat(browser.textOf("bottom-bar")).contains("Discarded.");
    }

    @Test
    void a_date_that_is_not_one_is_refused_next_to_its_field_naming_it() {
        browser.windowSize(1280, 800).signedIn("inspector1", Api.DEMO_PASSWORD).open("app/security-events.xhtml");

        browser.type("from_input", "yesterday");
        browser.clickAndWaitFor("search-bar:search", "From day");
        assertThat(browser.textOf("from-message")).startsWith("From day: 'yesterday'");
        assertThat(browser.text()).doesNotContain("j_idt").doesNotContain("from:");
        assertThat(browser.occurrences("'yesterday'")).isEqualTo(1);
    }

    @Test
    void a_refusal_of_the_training_screen_shows_at_its_button_not_at_the_top() {
        browser.windowSize(1280, 800).signedIn("supervisor1", Api.DEMO_PASSWORD).open("app/training.xhtml");
        browser.choose("person", "operator1");
        browser.waitForText("Record training");

        browser.type("qualification", "OP-ASEPTIC-FILLING");
        browser.clickAndWaitFor("record-bar:record", "needs a valid-from date");
        assertThat(browser.textOf("record-bar")).contains("needs a valid-from date");
        assertThat(browser.textOf("page-messages")).isEmpty();
        assertThat(browser.occurrences("needs a valid-from date")).isEqualTo(1);
        assertThat(browser.inView("record-bar:messages")).isTrue();
    }

    @Test
    void the_shell_pages_fit_at_1024_px_and_pass_the_accessibility_check() {
        SoftAssertions softly = new SoftAssertions();
        for (String page : List.of("login.xhtml", "not-found.xhtml", "forbidden.xhtml", "expired.xhtml", "error.xhtml")) {
            browser.open(page);
            check(softly, page.replace(".xhtml", ""));
        }
        browser.signedIn("inspector1", Api.DEMO_PASSWORD);
        for (String page : List.of("security-events", "access-review", "training", "status", "change-password")) {
            browser.open("app/" + page + ".xhtml");
            check(softly, page + "-inspector");
        }
        browser.signOut();
        browser.signedIn("admin1", Api.DEMO_PASSWORD).open("app/access-review.xhtml");
        check(softly, "access-review-admin");
        browser.open("app/security-events.xhtml");
        browser.clickAndWaitFor("search-bar:search", "LOGIN");
        check(softly, "security-events-admin");
        softly.assertAll();
    }

    /**
     * Every screen each demo role reaches from its menu, and the record pages one click further (a
     * recipe in the designer, a record's history, a person's signing credentials): none scrolls
     * sideways at 1024 px and none has a serious accessibility violation. The menu is read from the
     * page, so a new screen is checked as soon as it is in the menu. Each role's every screen opens and
     * is laid out and checked for that role; axe-core looks at each distinct page once (a screen that
     * shows several roles the same content below their headers is the same page to it).
     */
    @Test
    void every_screen_each_role_reaches_fits_at_1024_px_and_passes_the_accessibility_check() {
        SoftAssertions softly = new SoftAssertions();
        // a recipe of the author's own, so the designer is one click further whichever test ran before
        HttpResponse<String> imported = Api.demo(new Http(contextRoot), "author1").post("api/v1/recipes/import",
                RecipesIT.reference(RecipesIT.uniqueId()));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        List<String> checked = new java.util.ArrayList<>();
        // screenshots of each screen once (each role's home page: they differ); every check for every role
        java.util.Set<String> pictured = new java.util.HashSet<>();
        // axe-core once per distinct page: a screen that shows a role exactly the content (all but the header
        // with the role's menu) it showed another role has nothing new for it; each role's header and menu
        // are checked on its home page, the layout of every screen for every role
        java.util.Set<String> checkedContent = new java.util.HashSet<>();
        for (String user : List.of("operator1", "supervisor1", "author1", "approver1", "qa1", "qa2", "warehouse1",
                "maintenance1", "inspector1", "admin1")) {
            browser.signIn(user, Api.DEMO_PASSWORD);
            List<String> pages = new java.util.ArrayList<>(browser.links(".ebr-nav a"));
            for (String page : List.copyOf(pages)) {
                // signing in lands on the home page: loading it again right away would show the same page
                if (!browser.path().equals(page)) {
                    browser.open(page);
                }
                softly.assertThat(browser.path()).as(user + " opens " + page + " from the menu").isEqualTo(page);
                check(softly, screenName(page, user), page.contains("home.xhtml") || pictured.add(screen(page)),
                        page.contains("home.xhtml") || checkedContent.add(content()));
                checked.add(user + " " + page);
                // one record page further, as a person would click
                for (String detail : browser.links("a[href*='recipe.xhtml?'], a[href*='audit-history.xhtml?'],"
                        + " a[href*='credentials.xhtml?']")) {
                    if (!pages.contains(detail) && pages.stream().noneMatch(p -> sameScreen(p, detail))) {
                        pages.add(detail);
                        browser.open(detail);
                        softly.assertThat(browser.path()).as(user + " opens " + detail).isEqualTo(detail);
                        check(softly, screenName(detail, user), pictured.add(screen(detail)), checkedContent.add(content()));
                        checked.add(user + " " + detail);
                    }
                }
            }
            browser.signOut();
        }
        assertThat(checked).as("screens checked").anyMatch(s -> s.contains("recipe.xhtml?"))
                .anyMatch(s -> s.contains("admin/users.xhtml")).anyMatch(s -> s.contains("audit-trail.xhtml"))
                .anyMatch(s -> s.contains("home.xhtml"));
        softly.assertAll();
    }

    /** The same page with other parameters: one look at each kind of record page is enough. */
    private static boolean sameScreen(String a, String b) {
        return a.contains("?") && b.contains("?") && a.substring(0, a.indexOf('?')).equals(b.substring(0, b.indexOf('?')));
    }

    private static String screenName(String page, String user) {
        return "every-screen-" + user + "-" + screen(page).replace("app/", "").replace(".xhtml", "").replace('/', '-');
    }

    /** The page without its parameters. */
    private static String screen(String page) {
        return page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
    }

    /** No sideways scrolling at 1024 px, screenshots at both sizes, no serious accessibility violation. */
    private void check(SoftAssertions softly, String name) {
        check(softly, name, true, true);
    }

    /**
     * The page as axe-core sees it, but for the header (the role's menu and name, the clock) and the
     * hidden fields (view state, tokens: never shown, never checked): its SHA-256.
     */
    private String content() {
        String body = String.valueOf(browser.script("var body = document.body.cloneNode(true);"
                + " body.querySelectorAll('header').forEach(function (h) { h.remove(); });"
                + " return body.outerHTML;"));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                    HIDDEN_FIELD.matcher(body).replaceAll("<hidden>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern HIDDEN_FIELD = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");

    private void check(SoftAssertions softly, String name, boolean pictures, boolean accessibility) {
        browser.viewport(1024, 768);
        softly.assertThat(browser.scrollsSideways()).as(name + " scrolls sideways at 1024 px").isFalse();
        softly.assertThat(browser.clobberedForms()).as(name + ": forms whose method or action a field hides").isEmpty();
        browser.normalViewport();
        if (pictures) {
            browser.look(name);
        }
        if (accessibility) {
            softly.assertThat(browser.accessibilityViolations()).as(name).isEmpty();
        }
    }

    private static final Pattern SHOWN = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) \\S+ \\((.+)\\)");
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
}
