package dev.vigil.app.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page at phone width (375 CSS pixels, a phone's viewport), in the light and in the dark palette,
 * measured by Chromium itself: the page never scrolls sideways, every text meets WCAG AA contrast against what is
 * really behind it (4.5:1, or 3:1 for large text), nothing is cut off at the left edge, every form field has a label
 * and every button and link a name (with every {@code <details>} open, the header's project menu too).
 * The measuring runs as a script in the page ({@link #AUDIT}): no accessibility library ships as a Debian package
 * beside Chromium, and these rules are few and exact.
 */
class AccessibilityBrowserIT {

    /** Returns the problems of the current page, one line each; empty when it passes. */
    static final String AUDIT = """
            const problems = [];
            const rgba = s => {
              const m = /^rgba?\\(([^)]*)\\)$/.exec(s);
              if (!m) return null;
              const p = m[1].split(/[\\s,\\/]+/).filter(x => x).map(Number);
              return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            };
            const describe = el => {
              const text = (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
              return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + (el.className && typeof el.className === 'string'
                      ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                  + (text ? ' "' + text + '"' : '');
            };
            const visible = el => {
              const cs = getComputedStyle(el);
              return el.getClientRects().length > 0 && cs.visibility !== 'hidden' && parseFloat(cs.opacity) > 0;
            };
            const over = (top, bottom) => {
              const a = top[3];
              return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a));
            };
            const behind = el => {
              const layers = [];
              for (let e = el; e; e = e.parentElement) {
                const cs = getComputedStyle(e);
                if (cs.backgroundImage !== 'none' && e !== el) return null; // text on an image: not measurable
                const c = rgba(cs.backgroundColor);
                if (c === null) {
                  problems.push('a background colour not understood: ' + cs.backgroundColor);
                  return null;
                }
                if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
              }
              let base = [255, 255, 255];
              for (let i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
              return base;
            };
            const luminance = c => {
              const [r, g, b] = c.map(v => {
                v /= 255;
                return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
              });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const ratio = (a, b) => {
              const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
              return (hi + 0.05) / (lo + 0.05);
            };
            const fields = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, button';
            for (const el of document.body.querySelectorAll('*')) {
              if (el.closest('svg, script, style, noscript, option') || !visible(el) || el.disabled) continue;
              const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
              if (!own && !el.matches(fields)) continue;
              const cs = getComputedStyle(el);
              const fg = rgba(cs.color);
              const bg = behind(el);
              if (fg === null) { problems.push('a text colour not understood: ' + cs.color); continue; }
              if (bg === null) continue;
              const size = parseFloat(cs.fontSize);
              const large = size >= 24 || (size >= 18.66 && parseInt(cs.fontWeight, 10) >= 700);
              const need = large ? 3 : 4.5;
              const got = ratio(over(fg, bg), bg);
              if (got < need) {
                problems.push('contrast ' + got.toFixed(2) + ':1 (needs ' + need + ':1) of ' + describe(el)
                    + ': ' + cs.color + ' on rgb(' + bg.map(Math.round).join(', ') + ')');
              }
            }
            for (const f of document.querySelectorAll('input, select, textarea')) {
              if (['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type) || !visible(f)) continue;
              const labelled = (f.id && document.querySelector('label[for="' + CSS.escape(f.id) + '"]'))
                  || f.closest('label') || f.getAttribute('aria-label') || f.getAttribute('aria-labelledby') || f.title;
              if (!labelled) problems.push('a field without a label: ' + describe(f) + ' name=' + f.name);
            }
            for (const b of document.querySelectorAll('a, button, input[type=submit], input[type=button]')) {
              if (!visible(b)) continue;
              const name = (b.innerText || '').trim() || b.getAttribute('aria-label') || b.value || b.title
                  || [...b.querySelectorAll('img[alt]')].map(i => i.alt).join('').trim();
              if (!name) problems.push('a ' + b.tagName.toLowerCase() + ' without a name: ' + b.outerHTML.slice(0, 80));
            }
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > width + 1) {
              const wide = [...document.body.querySelectorAll('*')].filter(e => visible(e)
                  && e.getBoundingClientRect().right > width + 1);
              const culprits = wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 3);
              problems.push('scrolls sideways at ' + width + ' px (' + document.documentElement.scrollWidth
                  + ' px wide): ' + culprits.map(describe).join('; '));
            }
            const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) {
                if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
            const cut = [...document.body.querySelectorAll('*')].filter(e => visible(e)
                && e.getBoundingClientRect().left < -1 && !scrolls(e));
            if (cut.length > 0) problems.push('cut off at the left edge: ' + cut.slice(0, 3).map(describe).join('; '));
            if (!document.documentElement.lang) problems.push('no lang on <html>');
            if (!document.title.trim()) problems.push('no title');
            if (!document.querySelector('meta[name=viewport][content*="width=device-width"]')) {
              problems.push('no viewport meta: a phone lays the page out 980 px wide');
            }
            return problems;
            """;

    private static SharedVigil vigil;
    private HeadlessChromium browser;
    private ChromeDriver driver;

    @BeforeAll
    static void start() {
        HeadlessChromium.requireInstalled();
        vigil = SharedVigil.get();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        browser = HeadlessChromium.open();
        driver = browser.driver;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 812,
                "deviceScaleFactor", 2, "mobile", true));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyMainPageFitsAPhoneHasReadableTextAndLabelsEveryFieldInBothPalettes() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        String site = "http://127.0.0.1:" + vigil.app.port();
        List<String> problems = new ArrayList<>();

        for (String page : List.of("/", "/accounts/signup/", "/accounts/login/", "/accounts/reset/", "/docs/pings/",
                "/docs/schedules/")) {
            audit(site + page, problems);
        }
        driver.get(site + "/accounts/login/");
        driver.findElement(By.id("email")).sendKeys("nobody-" + UUID.randomUUID() + "@example.com");
        driver.findElement(By.id("password")).sendKeys("not the password");
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error")));
        auditHere("/accounts/login/ (refused)", problems);

        driver.get(site + "/accounts/signup/");
        browser.signUp(vigil.mail, "a11y-" + UUID.randomUUID() + "@example.com", "a long enough password");
        String dashboard = driver.getCurrentUrl();
        String project = dashboard.replaceAll(".*/projects/([0-9a-f-]{36})/checks/$", "$1");
        driver.findElement(By.id("name")).sendKeys("nightly backup");
        driver.findElement(By.id("tags")).sendKeys("prod db");
        driver.findElement(By.id("create")).click();
        String check = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-check]")))
                .getAttribute("data-check");
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + check + "/fail"))
                .POST(HttpRequest.BodyPublishers.ofString("exit code 3"))).statusCode()).isEqualTo(200);

        for (String page : List.of("/projects/" + project + "/checks/", "/checks/" + check + "/details/",
                "/checks/" + check + "/schedule/", "/projects/" + project + "/integrations/",
                "/projects/" + project + "/badges/", "/projects/" + project + "/team/",
                "/projects/" + project + "/settings/", "/projects/new/", "/accounts/settings/",
                "/settings/appearance/")) {
            audit(site + page, problems);
        }
        driver.get(site + "/checks/" + check + "/details/");
        List<String> forms = new ArrayList<>();
        for (String action : List.of("edit-check", "transfer", "delete")) {
            forms.add(driver.findElement(By.id(action)).getAttribute("href"));
        }
        driver.get(site + "/projects/" + project + "/integrations/");
        for (WebElement add : driver.findElements(By.cssSelector("a[id^=add-]"))) {
            forms.add(add.getAttribute("href"));
        }
        assertThat(forms).as("the check's three forms and an add form per channel kind").hasSizeGreaterThan(5);
        for (String form : forms) {
            audit(form, problems);
        }
        assertThat(problems).as("the pages' accessibility problems").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAuditFindsEachKindOfProblemOnAPageMadeToHaveThem() {
        driver.get("about:blank");
        driver.executeScript("""
                document.documentElement.removeAttribute('lang');
                document.title = '';
                document.body.innerHTML = '<p style="color:#999;background:#fff">faint</p>'
                    + '<p style="color:#fff;background:#1f5fbf">readable</p>'
                    + '<input id="nameless-field"><button id="nameless-button"></button>'
                    + '<label for="named">Named</label><input id="named">'
                    + '<div style="width:1200px">wide</div>'
                    + '<div style="position:relative;left:-80px">cut</div>';
                """);
        List<Object> found = (List<Object>) driver.executeScript(AUDIT);
        assertThat(found).map(Object::toString).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("contrast 2.85:1 (needs 4.5:1) of p \"faint\""),
                p -> assertThat(p).startsWith("a field without a label: input#nameless-field"),
                p -> assertThat(p).startsWith("a button without a name"),
                p -> assertThat(p).startsWith("scrolls sideways at ").contains("div \"wide\""),
                p -> assertThat(p).startsWith("cut off at the left edge: div \"cut\""),
                p -> assertThat(p).isEqualTo("no lang on <html>"),
                p -> assertThat(p).isEqualTo("no title"),
                p -> assertThat(p).startsWith("no viewport meta"));
    }

    /** Loads the page and audits it in the light palette and then in the dark one (the system's choice). */
    private void audit(String url, List<String> problems) throws IOException {
        driver.get(url);
        auditHere(url.replaceFirst("^http://[^/]+", ""), problems);
    }

    @SuppressWarnings("unchecked")
    private void auditHere(String page, List<String> problems) throws IOException {
        driver.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        for (String scheme : List.of("light", "dark")) {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (Object problem : (List<Object>) driver.executeScript(AUDIT)) {
                problems.add(page + " [" + scheme + "] " + problem);
            }
        }
        browser.screenshot("phone-" + page.replaceAll("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "id")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
    }
}
