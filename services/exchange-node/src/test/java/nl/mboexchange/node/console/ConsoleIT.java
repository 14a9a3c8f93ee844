package nl.mboexchange.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.mboexchange.node.support.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The registrars' console of two schools in a real browser: home school {@value #HOME} asks host school
 * {@value #HOST} to enrol a student, the host admits the student and records and corrects a result, and both see
 * the receipts and the enrolment completed. One browser holds both consoles, each in its own window, as a
 * registrar who works for both would. Every page it visits is saved as a screenshot under
 * {@code target/console-screenshots} and checked with axe-core against WCAG 2.1 AA.
 */
class ConsoleIT {

    static final String HOME = "25LX";
    static final String HOST = "30GH";

    static RunningNode home;
    static RunningNode host;
    static ConsoleBrowser browser;

    @BeforeAll
    static void startBothSchoolsAndABrowser() {
        browser = ConsoleBrowser.start(Path.of("target", "console-screenshots"));
        home = RunningNode.start(HOME, "console_home_25lx", Map.of());
        host = RunningNode.start(HOST, "console_host_30gh", Map.of());
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (home != null) {
            home.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void registrars_take_an_enrolment_from_request_to_completion_at_both_schools() {
        // The host's registrar signs in and keeps the list of enrolments open.
        browser.driver().get(host.url("/"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Aanmelden");
        look("01-sign-in");
        browser.signIn(RunningNode.REGISTRAR, "not the password");
        assertThat(browser.text(By.cssSelector(".error-summary h2"))).isEqualTo("Aanmelden lukte niet");
        browser.signIn(RunningNode.REGISTRAR, RunningNode.PASSWORD);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Inschrijvingen");
        String hostWindow = browser.driver().getWindowHandle();

        // The home school's registrar, in another window, requests an enrolment; the first try has mistakes.
        browser.driver().switchTo().newWindow(WindowType.WINDOW);
        browser.open(home, "/");
        browser.click(By.linkText("Nieuwe aanvraag"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Nieuwe aanvraag");
        Map<String, String> request = new LinkedHashMap<>();
        request.put("hostSchool", "30gh");
        request.put("givenName", "Sanne");
        request.put("familyName", "de Vries");
        request.put("dateOfBirth", "14-03-2007");
        request.put("email", "sanne.devries@student.example");
        request.put("courseCode", "K80");
        request.put("offeringId", "2026-P3-ONDERNEMEN");
        request.put("title", "Ondernemend gedrag");
        request.put("studyLoadHours", "240");
        request.put("startDate", "2026-02-02");
        request.put("endDate", "2026-06-26");
        browser.fill("requestForm", request);
        browser.submit("requestForm");

        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("class"))
                .as("the error summary takes the focus")
                .isEqualTo("error-summary");
        assertThat(browser.all(By.cssSelector(".error-summary a")))
                .extracting(link -> link.getDomAttribute("href"))
                .containsExactlyInAnyOrder(
                        "#requestForm-hostSchool", "#requestForm-dateOfBirth", "#requestForm-courseCode");
        assertThat(browser.text(By.id("requestForm-courseCode-error")))
                .contains("Vul een code in van een K met vier cijfers, bijvoorbeeld K0080.");
        assertThat(browser.find(By.id("requestForm-courseCode")).getDomAttribute("aria-describedby"))
                .contains("requestForm-courseCode-error");
        assertThat(browser.find(By.id("requestForm-courseCode")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.find(By.id("requestForm-familyName")).getDomProperty("value"))
                .as("what was typed stays")
                .isEqualTo("de Vries");
        look("02-request-with-errors");

        browser.click(By.cssSelector(".error-summary a[href='#requestForm-courseCode']"));
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                .as("a link of the summary leads to its field")
                .isEqualTo("requestForm-courseCode");
        browser.fill("requestForm", Map.of("hostSchool", HOST, "dateOfBirth", "2007-03-14", "courseCode", "K0080"));
        browser.submit("requestForm");

        assertThat(browser.text(By.cssSelector(".notice"))).isEqualTo("De aanvraag is verstuurd.");
        String path = URI.create(browser.driver().getCurrentUrl()).getPath();
        String id = path.substring("/enrolments/".length());
        assertThat(status("self")).isEqualTo("Aangevraagd");
        look("03-home-requested");
        String homeWindow = browser.driver().getWindowHandle();

        // The host's list shows the visiting student without a reload; the filters narrow it down.
        browser.driver().switchTo().window(hostWindow);
        browser.await(d -> !d.findElements(By.cssSelector("tr[data-enrolment='" + id + "']"))
                .isEmpty());
        new Select(browser.find(By.id("filters-direction"))).selectByValue("incoming");
        new Select(browser.find(By.id("filters-status"))).selectByValue("REQUESTED");
        browser.type(By.id("filters-course"), "K0080");
        browser.submit("filters");
        assertThat(browser.text(By.cssSelector("tr[data-enrolment='" + id + "']")))
                .contains("Sanne de Vries", "K0080", "Inkomend, van 25LX", "Aangevraagd");
        look("04-host-incoming");

        browser.click(By.cssSelector("tr[data-enrolment='" + id + "'] a"));
        assertThat(status("self")).isEqualTo("Aangevraagd");
        assertThat(status("counterpart")).isEqualTo("Aangevraagd");
        look("05-host-request");
        // With the keyboard alone: the skip link first, then the note and the button of the accept form.
        browser.find(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Naar de inhoud");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                .isEqualTo("main");
        browser.find(By.id("acceptForm-note")).sendKeys("Welkom: dinsdag 9.00 uur, lokaal B2.14");
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Student toelaten");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(status("self")).isEqualTo("Toegelaten");
        look("06-host-accepted");

        // At home the acceptance appears on the open page, without a reload.
        browser.driver().switchTo().window(homeWindow);
        browser.awaitText(By.cssSelector("[data-school=self] .status"), "Toegelaten");
        assertThat(browser.text(By.id("live"))).contains("Welkom: dinsdag 9.00 uur, lokaal B2.14");
        look("07-home-accepted");

        // The host records a result; a grade off the scale is refused next to its field.
        browser.driver().switchTo().window(hostWindow);
        browser.fill("recordForm", Map.of("grade", "11,5", "assessedOn", "2026-06-20"));
        browser.submit("recordForm");
        assertThat(browser.text(By.id("recordForm-grade-error")))
                .contains("Dit is geen resultaat op de schaal van dit keuzedeel");
        look("08-host-grade-refused");
        browser.fill("recordForm", Map.of("grade", "6,8"));
        browser.submit("recordForm");
        assertThat(browser.text(By.cssSelector(".notice"))).isEqualTo("Het resultaat is vastgelegd en verstuurd.");
        browser.awaitText(By.cssSelector("[data-attempt='1'] [data-version='1'] .receipt"), "Ontvangen door 25LX");

        // ... corrects it to a final 7.2 ...
        assertThat(browser.find(By.id("correctForm-expectedVersion")).getDomProperty("value"))
                .isEqualTo("1");
        browser.fill(
                "correctForm", Map.of("grade", "7,2", "reason", "Tweede beoordelaar heeft het portfolio meegewogen"));
        browser.click(By.id("correctForm-finalResult"));
        browser.submit("correctForm");
        assertThat(browser.text(By.cssSelector(".notice"))).isEqualTo("De correctie is vastgelegd en verstuurd.");

        // ... and a correction based on the version before is refused, explained in words.
        browser.fill(
                "correctForm",
                Map.of("expectedVersion", "1", "grade", "7,5", "reason", "Herkansing van het eindgesprek"));
        browser.submit("correctForm");
        assertThat(browser.text(By.cssSelector(".conflict h2"))).isEqualTo("Dit kon niet");
        assertThat(browser.text(By.cssSelector(".conflict")))
                .contains("Dit resultaat is intussen gewijzigd: de laatste versie is nu versie 2")
                .contains("Er is niets veranderd.");
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("class"))
                .as("the explanation takes the focus")
                .isEqualTo("conflict");
        assertThat(browser.all(By.cssSelector("[data-attempt='1'] [data-version]")))
                .hasSize(2);
        look("09-host-stale-correction");

        // The host sees both receipts and the enrolment completed, at both schools.
        browser.awaitText(By.cssSelector("[data-attempt='1'] [data-version='2'] .receipt"), "Ontvangen door 25LX");
        browser.awaitText(By.cssSelector("[data-school=self] .status"), "Afgerond");
        assertThat(status("counterpart")).isEqualTo("Afgerond");
        look("10-host-completed");

        // So does the home school: every version, the correction's reason, a receipt for each.
        browser.driver().switchTo().window(homeWindow);
        browser.awaitText(By.cssSelector("[data-school=self] .status"), "Afgerond");
        assertThat(browser.texts(By.cssSelector("[data-attempt='1'] [data-version] .grade")))
                .containsExactly("6.8", "7.2");
        assertThat(browser.text(By.cssSelector("[data-attempt='1'] [data-version='2']")))
                .contains("Tweede beoordelaar heeft het portfolio meegewogen", "definitief");
        assertThat(browser.texts(By.cssSelector("[data-attempt='1'] .receipt")))
                .allMatch(receipt -> receipt.startsWith("Ontvangen door 25LX"))
                .hasSize(2);
        assertThat(browser.text(By.cssSelector(".timeline")))
                .contains("Inschrijving aangevraagd", "Student toegelaten", "Ontvangst van resultaat bevestigd");
        // Each entry says who caused it: this school's registrar, or the host.
        assertThat(browser.texts(By.cssSelector(".timeline .cause")))
                .contains("door medewerker " + RunningNode.REGISTRAR, "door school 30GH");
        assertThat(browser.text(By.cssSelector("[data-school=counterpart]")))
                .contains("30GH komt op Afgerond zodra het onze laatste berichten heeft verwerkt.");
        look("11-home-completed");

        // The same page in English.
        browser.click(By.linkText("English"));
        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(status("self")).isEqualTo("Completed");
        assertThat(browser.text(By.id("results-heading"))).isEqualTo("Results");
        assertThat(browser.texts(By.cssSelector(".timeline .cause")))
                .contains("by registrar " + RunningNode.REGISTRAR, "by school 30GH");
        look("12-home-completed-english");
        browser.click(By.linkText("Enrolments"));
        assertThat(browser.text(By.cssSelector("tr[data-enrolment='" + id + "']")))
                .contains("Outgoing, to 30GH", "Completed");
        look("13-home-list-english");
        browser.click(By.linkText("Nederlands"));
        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");

        // At home, the registrar erases the student's personal data; the host erases its copy and confirms.
        browser.click(By.cssSelector("tr[data-enrolment='" + id + "'] a"));
        browser.submit("eraseForm");
        browser.awaitText(By.id("erasure"), "30GH heeft op");
        assertThat(browser.text(By.tagName("h1"))).startsWith("student ");
        assertThat(browser.all(By.id("eraseForm"))).isEmpty();
        assertThat(browser.text(By.cssSelector(".timeline")))
                .contains("Wissen van persoonsgegevens gevraagd", "Wissen van persoonsgegevens bevestigd");
        assertThat(browser.text(By.id("main"))).doesNotContain("sanne.devries@student.example");
        look("14-home-erased");
    }

    @Test
    void the_console_session_opens_neither_the_api_nor_a_form_without_its_token_and_ends_with_signing_out()
            throws Exception {
        browser.open(home, "/");
        Cookie session = browser.driver().manage().getCookieNamed("MBO_CONSOLE_" + HOME);
        assertThat(session)
                .as("the console's session cookie, named for its school")
                .isNotNull();
        String cookie = session.getName() + "=" + session.getValue();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> api = http.send(
                HttpRequest.newBuilder(URI.create(home.url("/api/v1/enrolments")))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as("the API asks for its own credentials").isEqualTo(401);

        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(home.url("/enrolments")))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("hostSchool=30GH"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as("a form sent without the CSRF token").isEqualTo(403);

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(home.url("/")))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode())
                .as("while the same session opens the console")
                .isEqualTo(200);

        browser.click(By.cssSelector("header form button[type=submit]"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login?logout");
        assertThat(browser.text(By.cssSelector(".notice"))).isEqualTo("U bent afgemeld.");
        HttpResponse<String> afterwards = http.send(
                HttpRequest.newBuilder(URI.create(home.url("/")))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterwards.statusCode())
                .as("the session ends with signing out")
                .isEqualTo(302);
    }

    @Test
    void the_accessibility_check_finds_a_page_without_language_and_labels() {
        browser.driver().get("data:text/html,<html><head><title>t</title></head><body><input></body></html>");

        assertThat(browser.accessibilityViolations())
                .anyMatch(violation -> violation.startsWith("html-has-lang"))
                .anyMatch(violation -> violation.startsWith("label"));
    }

    /** Saves the page as it is now, and checks it against WCAG 2.1 AA as far as a machine can. */
    private static void look(String name) {
        browser.screenshot(name);
        assertThat(browser.accessibilityViolations())
                .as("WCAG 2.1 A and AA rules that page %s breaks", name)
                .isEmpty();
    }

    private static String status(String school) {
        return browser.text(By.cssSelector("[data-school=" + school + "] dd .status"));
    }
}
