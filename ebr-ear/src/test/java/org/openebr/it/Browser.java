package org.openebr.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's, headless) driven through its chromedriver, with the few PrimeFaces
 * gestures the screens need. Paths come from the build ({@code ebr.test.chromium},
 * {@code ebr.test.chromedriver}); nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;
    private final Path downloads;
    /** The scripts {@link #shiftClientClock} added to every new page, removed again by {@link #nextTest}. */
    private final java.util.List<String> addedScripts = new java.util.ArrayList<>();
    /** The window's size as Chromium started, restored by {@link #nextTest}. */
    private final org.openqa.selenium.Dimension firstSize;

    Browser(URL contextRoot) {
        String root = contextRoot.toString();
        this.base = root.endsWith("/") ? root : root + "/";
        File chromedriver = new File(System.getProperty("ebr.test.chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("ebr.test.chromium", "/usr/bin/chromium"));
        if (!chromedriver.canExecute() || !chromium.canExecute()) {
            throw new IllegalStateException("browser tests need Chromium and chromedriver at " + chromium + " and "
                    + chromedriver + " (Debian: apt-get install chromium chromium-driver; bin/ebr test does it)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("ebr-chromium");
            downloads = Files.createTempDirectory("ebr-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true));
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
        this.driver = new ChromeDriver(service, options);
        // asked every 50 ms, not Selenium's default 500 ms: hundreds of waits per suite each lost a quarter second
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
        this.firstSize = driver.manage().window().getSize();
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Browser signIn(String userName, String password) {
        open("login.xhtml");
        type("userName", userName);
        type("password", password);
        clickAndWaitForPage("login-bar:sign-in");
        return this;
    }

    Browser signOut() {
        java.util.Set<org.openqa.selenium.Cookie> ending = java.util.Set.copyOf(driver.manage().getCookies());
        sessions.values().removeIf(ending::equals);
        clickAndWaitForPage("sign-out");
        return this;
    }

    void type(String id, String value) {
        WebElement input = element(id);
        input.clear();
        input.sendKeys(value);
    }

    /** Puts a long text into a field at once, as a paste does (typing 20,000 characters key by key takes long). */
    void paste(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element(id), value);
    }

    /** A PrimeFaces datePicker: types the date into its input and closes the calendar pop-up. */
    void typeDate(String id, String isoDate) {
        WebElement input = element(id + "_input");
        input.clear();
        input.sendKeys(isoDate, org.openqa.selenium.Keys.ESCAPE);
    }

    /** A PrimeFaces selectOneMenu: opens it and picks the item with this label. */
    void choose(String id, String label) {
        // The pop-up animates open; a click that lands mid-animation can miss, as a person's would.
        // Like a person, try again (three times at most).
        WebDriverWait shortWait = new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(50));
        for (int attempt = 1; ; attempt++) {
            try {
                // the pop-up of the menu chosen before may still be closing over this one
                element(id).click();
                WebElement item = shortWait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[id='" + id + "_items'] li[data-label='" + label + "']")));
                item.click();
                shortWait.until(ExpectedConditions.textToBe(By.id(id + "_label"), label));
                shortWait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id + "_panel")));
                return;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.ElementNotInteractableException
                     | org.openqa.selenium.StaleElementReferenceException missed) {
                if (attempt == 3) {
                    throw new AssertionError("could not choose '" + label + "' in " + id + " on " + path(), missed);
                }
                driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
            }
        }
    }

    /** A PrimeFaces selectBooleanCheckbox. */
    void check(String id) {
        driver.findElement(By.cssSelector("[id='" + id + "'] .ui-chkbox-box")).click();
    }

    /** Clicks a non-Ajax button or link and waits for the next page to load. */
    void clickAndWaitForPage(String id) {
        WebElement old = driver.findElement(By.tagName("html"));
        element(id).click();
        wait.until(d -> gone(old));
        waitForReady();
    }

    /** Clicks an Ajax button and waits until PrimeFaces has applied the answer and {@code text} shows. */
    void clickAndWaitFor(String id, String text) {
        element(id).click();
        waitForText(text);
    }

    void waitForText(String text) {
        try {
            wait.until(d -> text().contains(text));
        } catch (RuntimeException notThere) {
            throw new AssertionError("expected '" + text + "' on " + path() + "; the page says:\n" + text()
                    + "\nbrowser console:\n" + console(), notThere);
        }
    }

    /** Waits until the element's text contains {@code text}, also when an Ajax update replaces the element. */
    void waitForTextOf(String id, String text) {
        try {
            wait.until(d -> {
                try {
                    return d.findElement(By.id(id)).getText().contains(text);
                } catch (WebDriverException replacedOrMissing) {
                    return false;
                }
            });
        } catch (RuntimeException notThere) {
            throw new AssertionError("expected '" + text + "' in #" + id + " on " + path() + "; the page says:\n"
                    + text(), notThere);
        }
    }

    /** Clicks a download button and returns the file the browser saved, once it is complete. */
    Path download(String id, String suffix) {
        element(id).click();
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100)).until(d -> {
                try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
                    return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException notThere) {
            throw new AssertionError("no " + suffix + " file was downloaded; the page says:\n" + text(), notThere);
        }
    }

    /** Waits until the element (e.g. a dialog) is hidden or gone. */
    void waitForHidden(String id) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
    }

    /** The browser's console messages so far, for a failure report. */
    String console() {
        try {
            StringBuilder lines = new StringBuilder();
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                    .forEach(entry -> lines.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
            return lines.toString();
        } catch (RuntimeException unavailable) {
            return "(not available: " + unavailable.getMessage() + ")";
        }
    }

    String valueOf(String id) {
        return element(id).getText();
    }

    // --- worklist cards (the home page) -----------------------------------------------------------

    /** Whether an element with this id is on the page (e.g. a worklist card that a role must not see). */
    boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** The labels of the tasks a worklist card shows, in order. */
    java.util.List<String> itemLabels(String cardId) {
        return driver.findElements(By.cssSelector("#" + cardId + " .ebr-worklist-label")).stream()
                .map(WebElement::getText).toList();
    }

    /** The details (second lines) of the tasks a worklist card shows, in order. */
    java.util.List<String> itemDetails(String cardId) {
        return driver.findElements(By.cssSelector("#" + cardId + " .ebr-worklist-item")).stream()
                .map(item -> item.findElements(By.className("ebr-worklist-detail")).stream().findFirst()
                        .map(WebElement::getText).orElse(""))
                .toList();
    }

    /** Clicks a task of a worklist card (from 0), as a person does, and waits for the page it opens. */
    void clickItem(String cardId, int index) {
        WebElement old = driver.findElement(By.tagName("html"));
        java.util.List<WebElement> items = driver.findElements(By.cssSelector("#" + cardId + " a.ebr-worklist-item"));
        if (items.size() <= index) {
            throw new AssertionError("#" + cardId + " shows " + items.size() + " tasks, not " + (index + 1));
        }
        items.get(index).click();
        wait.until(d -> gone(old));
        waitForReady();
    }

    /** What an input field holds now (its text is empty; its value is what the person typed or the page set). */
    String inputValue(String id) {
        return element(id).getDomProperty("value");
    }

    /** The window's size, e.g. 1024x768 for a look at a small terminal's screen. */
    Browser windowSize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /** A screenshot for the test report when something went wrong. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // a missing screenshot must not hide the real failure
        }
    }

    // --- audit trail screens (wt-audit) ---

    /** How many CSS px the page is wider than its window: 0 when nothing needs scrolling sideways. */
    long horizontalOverflow() {
        return ((Number) driver.executeScript("return Math.max(0, document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth)")).longValue();
    }

    /** How many elements of the page carry the CSS class. */
    int countOf(String cssClass) {
        return driver.findElements(By.className(cssClass)).size();
    }

    /** Scrolls the first element the CSS selector finds to the top of the window, e.g. before a screenshot. */
    void scrollToFirst(String cssSelector) {
        driver.executeScript("arguments[0].scrollIntoView(true)", driver.findElement(By.cssSelector(cssSelector)));
    }

    /** Clicks the first element the CSS selector finds (e.g. a row's toggler), then waits for the text. */
    void clickFirstAndWaitFor(String cssSelector, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))).click();
        waitForText(text);
    }

    // ---- UI standard (issue 14): what a person sees where ----

    /** Runs a script in the page (a test's look at the page, not a gesture a person makes). */
    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** The element's text, or empty when it is not on the page. */
    String textOf(String id) {
        java.util.List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** Whether the whole element is inside the window now, as a person would see it without scrolling. */
    boolean inView(String id) {
        return Boolean.TRUE.equals(driver.executeScript("var box = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;", id));
    }

    /** Whether the control can be used (not disabled). */
    boolean enabled(String id) {
        return driver.findElement(By.id(id)).isEnabled();
    }

    /** Waits until the condition holds, e.g. a button enabled again after an Ajax answer. */
    void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        try {
            wait.until(d -> condition.getAsBoolean());
        } catch (RuntimeException never) {
            throw new AssertionError("waited in vain for: " + what + " on " + path() + "; the page says:\n" + text(), never);
        }
    }

    /** How many times the text shows on the page (a message must show once). */
    int occurrences(String text) {
        String page = text();
        int count = 0;
        for (int at = page.indexOf(text); at >= 0; at = page.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }

    /**
     * Sets the browser's clock off by {@code shift} for every page opened from now on, as on a client
     * whose clock is wrong (the page's scripts see the shifted {@code Date.now()}).
     */
    void shiftClientClock(Duration shift) {
        java.util.Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of("source", "(function () { var real = Date.now; var shift = " + shift.toMillis() + ";"
                        + " Date.now = function () { return real.call(Date) + shift; }; }());"));
        addedScripts.add(String.valueOf(added.get("identifier")));
    }

    /**
     * Whether the page would make the browser ask "leave this page?" now (unsaved edits): a cancelable
     * {@code beforeunload} is dispatched and the page's answer read. (WebDriver accepts the real prompt
     * itself, so a test cannot see the browser's question.)
     */
    boolean wouldAskBeforeLeaving() {
        return Boolean.TRUE.equals(driver.executeScript("var leaving = new Event('beforeunload', {cancelable: true});"
                + " window.dispatchEvent(leaving); return leaving.defaultPrevented;"));
    }

    /**
     * The links of the page matching a CSS selector, relative to the context root and without
     * duplicates, in page order: e.g. the menu entries a person is offered.
     */
    java.util.List<String> links(String cssSelector) {
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        // every link's href property in one call, not a call per link (a list page has hundreds)
        @SuppressWarnings("unchecked")
        java.util.List<Object> hrefs = (java.util.List<Object>) driver.executeScript("return Array.prototype.map.call("
                + "document.querySelectorAll(arguments[0]), function (e) { return e.href; });", cssSelector);
        for (Object property : hrefs) {
            String href = property instanceof String text ? text : null;
            if (href != null && href.startsWith(base)) {
                found.add(href.substring(base.length()));
            }
        }
        return java.util.List.copyOf(found);
    }

    /**
     * The forms whose {@code method} or {@code action} a field hides: a field named "method" turns
     * {@code form.method} into that field, PrimeFaces then takes the form for no Faces form, sends no
     * CSP nonce, and every Ajax action of the form fails on the server.
     */
    java.util.List<String> clobberedForms() {
        @SuppressWarnings("unchecked")
        java.util.List<String> ids = (java.util.List<String>) driver.executeScript("return Array.prototype.slice.call("
                + "document.forms).filter(function (f) { return typeof f.method !== 'string' || typeof f.action !== 'string'; })"
                + ".map(function (f) { return f.getAttribute('id') || '(no id)'; });");
        return ids;
    }

    /** Whether the page is wider than the window: a person would have to scroll sideways. */
    boolean scrollsSideways() {
        return Boolean.TRUE.equals(driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;"));
    }

    // ---- screenshots and the accessibility check (issue 14; docs/UI.md) ----

    /** The screens every look is taken at: a small terminal's and a common laptop's. */
    private static final int[][] LOOK_SIZES = {{1024, 768}, {1280, 800}};
    /** A longer page is cut here: the picture stays readable and small. */
    private static final int LOOK_MAX_HEIGHT = 8000;
    /** Kept by CI as artefacts (README, Tests). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The WCAG 2.2 A and AA rules of axe-core (2.0, 2.1 and the one 2.2 AA rule set). */
    private static final java.util.List<String> WCAG_AA = java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
            "wcag22aa");

    /**
     * Screenshots of the page as a person sees it, with a viewport of 1024x768 and of 1280x800, the
     * whole page down to 8,000 px: {@code target/screenshots/<name>-1024.png} and {@code -1280.png}. The
     * window keeps its size afterwards.
     */
    void look(String name) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int[] size : LOOK_SIZES) {
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", size[0],
                        "height", size[1], "deviceScaleFactor", 1, "mobile", false));
                Number height = (Number) driver.executeScript(
                        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
                long shown = Math.min(Math.max(height.longValue(), size[1]), LOOK_MAX_HEIGHT);
                java.util.Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", java.util.Map.of(
                        "format", "png", "captureBeyondViewport", true,
                        "clip", java.util.Map.of("x", 0, "y", 0, "width", size[0], "height", shown, "scale", 1)));
                Files.write(SCREENSHOTS.resolve(name + "-" + size[0] + ".png"),
                        java.util.Base64.getDecoder().decode((String) shot.get("data")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
            driver.manage().window().setSize(before);
        }
    }

    /** Lays the page out with a viewport of exactly this size until {@link #normalViewport()}, e.g. 1024x768. */
    Browser viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    Browser normalViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        return this;
    }

    /**
     * Fails when axe-core finds a serious or critical violation of WCAG 2.2 A/AA on the page as it is
     * now, listing each rule with its impact, help, the elements (CSS selectors) and what to fix.
     */
    void assertAccessible() {
        String violations = accessibilityViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("accessibility violations (serious or critical; WCAG 2.2 A/AA, axe-core) on "
                    + path() + ":\n" + violations);
        }
    }

    /**
     * The serious and critical WCAG 2.2 A/AA violations axe-core finds on the page, one rule a
     * paragraph; empty when there are none. axe-core runs in the page through WebDriver, which the
     * page's Content-Security-Policy does not govern (it governs the page's own scripts).
     */
    String accessibilityViolations() {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.executeScript(Axe.source());
        Object found = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + " .then(function (result) { done(result.violations"
                + "   .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "   .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' - ' + v.helpUrl + '\\n'"
                + "     + v.nodes.slice(0, 8).map(function (n) { return '    at ' + n.target.join(' ')"
                + "       + (n.failureSummary ? '\\n       ' + n.failureSummary.replace(/\\s+/g, ' ') : ''); }).join('\\n')"
                + "     + (v.nodes.length > 8 ? '\\n    and ' + (v.nodes.length - 8) + ' more' : ''); })"
                + "   .join('\\n')); })"
                + " .catch(function (e) { done('axe-core could not run: ' + e); });", WCAG_AA);
        return String.valueOf(found);
    }

    /** The element belongs to a page that was replaced (Chrome reports that in more than one way). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException replaced) {
            return true;
        }
    }

    private WebElement element(String id) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private void waitForReady() {
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Quits the browser; fails when the page's Content-Security-Policy blocked anything on the way
     * (an inline script without the nonce, a style or image from elsewhere): every browser test also
     * proves that its screens work under the policy.
     */
    @Override
    public void close() {
        String blocked;
        try {
            blocked = blockedByPolicy();
        } finally {
            driver.quit();
        }
        if (!blocked.isEmpty()) {
            throw new AssertionError("the Content-Security-Policy blocked something:\n" + blocked);
        }
    }

    /** What the Content-Security-Policy blocked since the last look (reading the console's log empties it). */
    private String blockedByPolicy() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    // --- administration screens (wt-admin) -----------------------------------------------------

    /** The id of the element {@code localId} in the row of table {@code tableId} whose first cell shows {@code rowText}. */
    String idInRow(String tableId, String rowText, String localId) {
        try {
            return wait.until(d -> rowsPossiblyShowing(tableId, rowText).stream()
                    .filter(row -> firstCell(row).contains(rowText))
                    .flatMap(row -> row.findElements(By.cssSelector("[id$=':" + localId + "']")).stream())
                    .map(element -> element.getAttribute("id")).findFirst().orElse(null));
        } catch (RuntimeException notThere) {
            throw new AssertionError("no row of " + tableId + " shows '" + rowText + "' with " + localId + " on " + path()
                    + "; the page says:\n" + text(), notThere);
        }
    }

    /** The text of the row of table {@code tableId} whose first cell shows {@code rowText}. */
    String row(String tableId, String rowText) {
        try {
            return wait.until(d -> rowsPossiblyShowing(tableId, rowText).stream()
                    .filter(row -> firstCell(row).contains(rowText)).map(WebElement::getText).findFirst().orElse(null));
        } catch (RuntimeException notThere) {
            throw new AssertionError("no row of " + tableId + " shows '" + rowText + "' on " + path(), notThere);
        }
    }

    /**
     * The rows of the table, in page order, whose first cell could show the text: every row whose first
     * cell's text shows it as a person sees it, and perhaps more (the cell's whole text content, hidden
     * parts too, compared without white space and case). Found in the page in one call; the callers
     * then read each candidate's first cell as WebDriver shows it, as they read every row before. A
     * table of all accounts has hundreds of rows: two WebDriver calls a row took seconds a look.
     */
    private java.util.List<WebElement> rowsPossiblyShowing(String tableId, String rowText) {
        @SuppressWarnings("unchecked")
        java.util.List<WebElement> rows = (java.util.List<WebElement>) driver.executeScript(
                "var wanted = arguments[1].replace(/\\s+/g, '').toLowerCase();"
                + " return Array.prototype.filter.call(document.querySelectorAll(\"[id='\" + arguments[0] + \"'] tbody tr\"),"
                + " function (row) { var cell = row.querySelector('td');"
                + "   return (cell ? cell.textContent : '').replace(/\\s+/g, '').toLowerCase().indexOf(wanted) >= 0; });",
                tableId, rowText);
        return rows;
    }

    private static String firstCell(WebElement row) {
        return row.findElements(By.cssSelector("td")).stream().findFirst().map(WebElement::getText).orElse("");
    }

    /** Ticks or unticks the PrimeFaces check box labelled {@code label} (as a person clicks its box). */
    void toggle(String label) {
        WebElement box = element(By.xpath("//label[normalize-space()='" + label + "']/.."
                + "//div[contains(@class,'ui-chkbox-box')]"));
        box.click();
    }

    /** Whether the PrimeFaces check box labelled {@code label} is ticked. */
    boolean ticked(String label) {
        return driver.findElement(By.xpath("//label[normalize-space()='" + label + "']/.."
                + "//div[contains(@class,'ui-chkbox-box')]")).getAttribute("class").contains("ui-state-active");
    }

    private WebElement element(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    // --- one browser for the tests of a class (suite16) --------------------------------------------

    /**
     * The browser of a test class: the one the class's earlier tests used, made as new by {@link
     * #nextTest}, or a new one. Starting and quitting Chromium for every test cost seconds each; a
     * class whose tests need nothing of a fresh browser but its emptiness keeps one
     * ({@link #closeShared} after the class).
     */
    static Browser shared(Class<?> testClass, URL contextRoot) {
        return SHARED.computeIfAbsent(testClass, unused -> new Browser(contextRoot));
    }

    /** Quits the class's browser after its last test (nothing to do when none was started). */
    static void closeShared(Class<?> testClass) {
        Browser browser = SHARED.remove(testClass);
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Ends a test in the class's browser: fails, as {@link #close} does, when the page's
     * Content-Security-Policy blocked anything during the test, and in any case leaves the browser as
     * a new one leaves it for the next test: signed out (no cookies, no storage; the server's session
     * is left to expire, as after {@link #close}), no page, no added scripts, no emulated viewport,
     * the window at its first size, no downloaded files. A browser that cannot be cleaned is quit,
     * and the next test gets a new one.
     */
    void nextTest(Class<?> testClass) {
        String blocked = "";
        try {
            blocked = blockedByPolicy();
        } finally {
            try {
                forget();
            } catch (WebDriverException | IOException | UncheckedIOException broken) {
                SHARED.remove(testClass, this);
                driver.quit();
                throw new AssertionError("the browser could not be cleaned for the next test", broken);
            }
        }
        if (!blocked.isEmpty()) {
            throw new AssertionError("the Content-Security-Policy blocked something:\n" + blocked);
        }
    }

    private static final java.util.Map<Class<?>, Browser> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The session cookies of this browser's sign-ins, per account and password (see {@link #signedIn}). */
    private final java.util.Map<String, java.util.Set<org.openqa.selenium.Cookie>> sessions = new java.util.HashMap<>();

    /**
     * Signed in as the account on its home page, for a test whose subject is not the sign-in: with the
     * session this browser had for the account in an earlier test of the class, as a person's second tab
     * has it, while the server still holds that session (not signed out, not expired); through the
     * login page otherwise. A sign-in through the login page costs a deliberately slow password check.
     */
    Browser signedIn(String userName, String password) {
        String account = userName + "\n" + password;
        java.util.Set<org.openqa.selenium.Cookie> kept = sessions.get(account);
        if (kept != null) {
            for (org.openqa.selenium.Cookie cookie : kept) {
                driver.executeCdpCommand("Network.setCookie", java.util.Map.of("name", cookie.getName(),
                        "value", cookie.getValue(), "url", base, "path", cookie.getPath(),
                        "httpOnly", cookie.isHttpOnly(), "secure", cookie.isSecure()));
            }
            open("app/home.xhtml");
            if (path().equals("app/home.xhtml") && textOf("current-user").equals(userName)) {
                return this;
            }
            driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        }
        signIn(userName, password);
        if (!path().equals("app/home.xhtml") || !textOf("current-user").equals(userName)) {
            throw new AssertionError(userName + " is not signed in on the home page but on " + path()
                    + "; the page says:\n" + text());
        }
        sessions.put(account, java.util.Set.copyOf(driver.manage().getCookies()));
        return this;
    }

    private void forget() throws IOException {
        if (driver.getCurrentUrl().startsWith(base)) {
            driver.executeScript("window.sessionStorage.clear(); window.localStorage.clear();");
        }
        driver.get("about:blank");
        String origin = java.net.URI.create(base).resolve("/").toString();
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin",
                origin.substring(0, origin.length() - 1), "storageTypes", "all"));
        for (String script : addedScripts) {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", script));
        }
        addedScripts.clear();
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        driver.manage().window().setSize(firstSize);
        try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    // ---- the operator terminal (issue 16): cards found by CSS (their ids repeat per card), the network cut ----

    /** Types into the field the CSS selector finds (the first one), as a person or a barcode scanner does. */
    void typeAt(String css, String value) {
        WebElement input = element(By.cssSelector(css));
        input.clear();
        input.sendKeys(value);
    }

    /** Presses Enter in the field, as a barcode scanner ends what it types. */
    void enterAt(String css) {
        element(By.cssSelector(css)).sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    void clickAt(String css) {
        element(By.cssSelector(css)).click();
    }

    boolean presentAt(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** The text of the first element the selector finds, empty when there is none (also while it is replaced). */
    String textAt(String css) {
        try {
            return driver.findElements(By.cssSelector(css)).stream().findFirst().map(e -> e.getAttribute("textContent"))
                    .orElse("").replaceAll("\\s+", " ").strip();
        } catch (WebDriverException replaced) {
            return "";
        }
    }

    /** Waits until the first element the selector finds has this text (its textContent: also inside closed details). */
    void waitForTextAt(String css, String text) {
        try {
            wait.until(d -> textAt(css).contains(text));
        } catch (RuntimeException notThere) {
            throw new AssertionError("expected '" + text + "' in " + css + " on " + path() + "; it says: " + textAt(css)
                    + "\nthe page says:\n" + text() + "\nbrowser console:\n" + console(), notThere);
        }
    }

    /** Waits until an element the selector finds is visible. */
    void waitForVisibleAt(String css) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Cuts the browser from the network (Chrome's own offline mode: no request leaves the page), or back. */
    void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
