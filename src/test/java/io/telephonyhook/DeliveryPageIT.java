package io.telephonyhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.HeadlessChromium;
import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioCallback;
import io.telephonyhook.support.TwilioStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery page of the packaged jar, in live mode, seen in a real browser (headless Chromium through Selenium) as
 * a help-desk agent sees it: 25 SMS codes to the US delivered, 6 to the UK not delivered (Twilio's 30003 and 30007),
 * two calls, each with the statuses Twilio reported, signed as Twilio signs them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryPageIT {

    private static final Path JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private final List<String> codes = new ArrayList<>();
    private final List<String> numbers = new ArrayList<>();
    private JarProcess hook;
    private int management;
    private ChromeDriver browser;
    private String ukUnreachableSid;

    @BeforeAll
    void codesSentAndReported() throws Exception {
        HeadlessChromium.assumePackages(HeadlessChromium.BROWSER, HeadlessChromium.DRIVER);
        int port = JarProcess.freePort();
        management = JarProcess.freePort();
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.put("PORT", String.valueOf(port));
        environment.put("MANAGEMENT_PORT", String.valueOf(management));
        environment.put("HOOK_PUBLIC_URL", "http://127.0.0.1:" + port);
        hook = JarProcess.start(JAR, Files.createTempDirectory("delivery-page"), environment,
                "Started TelephonyHookApplication");
        OktaClient okta = new OktaClient(hook.port());
        URI callback = URI.create("http://127.0.0.1:" + port + "/twilio/status");
        for (int i = 0; i < 25; i++) {
            String sid = send(okta, "page-us-" + i, "+1415555" + (1000 + i), "SMS");
            report(callback, TwilioCallback.smsStatus(sid, "sent", null));
            report(callback, TwilioCallback.smsStatus(sid, "delivered", null));
        }
        for (int i = 0; i < 6; i++) {
            String sid = send(okta, "page-uk-" + i, "+44740012" + (3400 + i), "SMS");
            report(callback, TwilioCallback.smsStatus(sid, "sent", null));
            report(callback, TwilioCallback.smsStatus(sid, "undelivered", i < 4 ? 30003 : 30007));
            if (i == 0) {
                ukUnreachableSid = sid;
            }
        }
        report(callback, TwilioCallback.callStatus(send(okta, "page-call-answered", "+14155559001", "voice call"),
                "completed"));
        report(callback, TwilioCallback.callStatus(send(okta, "page-call-unanswered", "+14155559002", "voice call"),
                "no-answer"));
        browser = HeadlessChromium.start(1280, 1600);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (hook != null) {
            hook.close();
        }
        twilio.close();
    }

    @Test
    void onlyTheViewerSeesThePageAndTheLookUp() throws Exception {
        for (String path : List.of("/deliveries", "/actuator/deliveries?status=delivered")) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic realm="));
            assertThat(get(path, DeliveryViewer.basic("admin", "not-the-secret")).statusCode()).isEqualTo(401);
            assertThat(get(path, DeliveryViewer.basic("someone", DeliveryViewer.SECRET)).statusCode()).isEqualTo(401);
            assertThat(get(path, DeliveryViewer.HEADER).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/actuator/prometheus", null).statusCode()).as("metrics as they were").isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).as("health as it was").isEqualTo(200);
        HttpResponse<String> onOktasPort = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + hook.port() + "/deliveries")).header("Authorization", DeliveryViewer.HEADER).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onOktasPort.statusCode()).as("never on Okta's port").isEqualTo(404);

        browser.get(page(""));
        assertThat(browser.getTitle()).startsWith("Deliveries");
    }

    @Test
    void anAgentFindsAUsersCodeByEventIdAndReadsWhyItWasNotDelivered() {
        browser.get(page(""));
        WebElement eventId = browser.findElement(By.id("eventId"));
        String before = browser.getCurrentUrl();
        eventId.sendKeys("page-uk-0", Keys.ENTER); // the keyboard alone submits
        awaitTheNextPage(before);

        List<WebElement> found = deliveries();
        assertThat(found).hasSize(1);
        WebElement delivery = found.get(0);
        assertThat(delivery.getAttribute("data-sid")).isEqualTo(ukUnreachableSid);
        assertThat(delivery.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Not delivered");
        assertThat(delivery.findElements(By.cssSelector(".timeline li")).stream().map(WebElement::getText).toList())
                .satisfiesExactly(
                        queued -> assertThat(queued).startsWith("accepted by Twilio (queued)"),
                        sent -> assertThat(sent).startsWith("sent to the carrier"),
                        undelivered -> assertThat(undelivered).startsWith("not delivered error 30003:")
                                .contains("unreachable handset"));
        assertThat(delivery.getText()).contains("+44").contains("3400").contains("GB").contains("primary")
                .contains("page-uk-0");
    }

    @Test
    void lastDigitsSidOutcomeAndChannelEachNarrowTheSearch() {
        browser.get(page("?digits=1003"));
        assertThat(deliveries()).extracting(d -> d.findElement(By.tagName("h3")).getText())
                .containsExactly("Delivered SMS to +1******1003");

        browser.get(page("?sid=" + ukUnreachableSid));
        assertThat(deliveries()).extracting(d -> d.getAttribute("data-sid")).containsExactly(ukUnreachableSid);

        browser.get(page(""));
        browser.findElement(By.cssSelector("#outcome option[value=failed]")).click();
        follow(By.cssSelector("button[type=submit]"));
        assertThat(browser.findElement(By.id("found")).getText()).startsWith("7 deliveries");
        assertThat(deliveries()).allSatisfy(d -> assertThat(d.getAttribute("data-outcome")).isEqualTo("failed"));

        browser.get(page("?channel=voice"));
        assertThat(deliveries()).hasSize(2).allSatisfy(d -> assertThat(d.getText()).contains("VOICE"));
        assertThat(browser.getPageSource()).contains("call completed: the code was read out").contains("no answer");

        browser.get(page("?digits=12345"));
        assertThat(browser.findElement(By.cssSelector(".problems")).getText()).contains("2 to 4 digits");
    }

    @Test
    void theSummaryShowsACountryWhoseCodesDoNotArriveAndWhy() {
        browser.get(page(""));
        assertThat(row("by-country", "GB")).contains("0 % of 6");
        assertThat(row("by-country", "US")).contains("96 % of 27"); // 25 SMS and a call delivered, a call unanswered
        assertThat(row("by-channel", "sms")).contains("81 % of 31");
        List<String> errors = browser.findElements(By.cssSelector("#errors tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(errors).first().asString().startsWith("30003").contains("unreachable handset").endsWith("4 GB");
        assertThat(errors.get(1)).startsWith("30007").contains("carrier filtering");
    }

    @Test
    void deliveriesArePagedNewestFirst() {
        browser.get(page(""));
        assertThat(browser.findElement(By.id("found")).getText()).startsWith("33 deliveries");
        assertThat(browser.findElement(By.id("page")).getText()).isEqualTo("Page 1 of 2");
        assertThat(deliveries()).hasSize(20);
        assertThat(deliveries().get(0).getText()).contains("page-call-unanswered");

        follow(By.cssSelector("a[rel=next]"));
        assertThat(browser.findElement(By.id("page")).getText()).isEqualTo("Page 2 of 2");
        assertThat(deliveries()).hasSize(13);
        assertThat(deliveries().get(12).getText()).contains("page-us-0");

        follow(By.cssSelector("a[rel=prev]"));
        assertThat(browser.findElement(By.id("page")).getText()).isEqualTo("Page 1 of 2");
    }

    @Test
    void nothingSecretIsInThePage() {
        browser.get(page(""));
        String all = browser.getPageSource();
        follow(By.cssSelector("a[rel=next]"));
        all += browser.getPageSource();
        assertThat(all).contains("+1******1000");
        for (String number : numbers) {
            assertThat(all).doesNotContain(number).doesNotContain(number.substring(1));
        }
        for (String code : codes) {
            assertThat(all).doesNotContain(code);
        }
        assertThat(all).doesNotContain(TwilioStandIn.AUTH_TOKEN).doesNotContain(OktaClient.SECRET)
                .doesNotContain(DeliveryViewer.SECRET).doesNotContain("Your code is");
    }

    @Test
    void everyFieldHasALabelAndThePageFitsAPhone() throws Exception {
        browser.get(page(""));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        for (WebElement field : browser.findElements(By.cssSelector("input, select"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
                    .as(field.getAttribute("name")).hasSize(1);
        }
        ChromeDriver phone = HeadlessChromium.start(390, 844);
        try {
            phone.get(page(""));
            Number overflow = (Number) phone.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        } finally {
            phone.quit();
        }
    }

    /** Clicks a link or button that leads to another page, and waits for that page. */
    private void follow(By link) {
        String before = browser.getCurrentUrl();
        browser.findElement(link).click();
        awaitTheNextPage(before);
    }

    /**
     * A click or a key can return before the browser has left the page (a form's submission is a task of its own): until
     * the next page is in, a look-up may meet the old one or none.
     */
    private void awaitTheNextPage(String before) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (browser.getCurrentUrl().equals(before)
                || !"complete".equals(browser.executeScript("return document.readyState"))) {
            assertThat(System.nanoTime()).as("no page after %s", before).isLessThan(giveUp);
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    private String send(OktaClient okta, String eventId, String phone, String channel) throws Exception {
        String code = String.valueOf(100_000 + codes.size() * 7919 % 900_000);
        codes.add(code);
        numbers.add(phone);
        Answer answer = okta.post(OktaRequest.sms().channel(channel).phone(phone).otp(code)
                .template("Your code is " + code).eventId(eventId));
        assertThat(answer.actionStatus()).as(eventId + " " + answer.action()).isEqualTo("SUCCESSFUL");
        Thread.sleep(5); // each its own millisecond: newest first is then exactly the order sent
        return answer.action().path("transactionId").asText();
    }

    private static void report(URI callback, Map<String, String> form) {
        assertThat(TwilioCallback.postSigned(callback, form).statusCode()).isEqualTo(200);
    }

    private List<WebElement> deliveries() {
        return browser.findElements(By.cssSelector("article.delivery"));
    }

    private String row(String table, String key) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream().map(WebElement::getText)
                .filter(text -> text.startsWith(key + " ")).findFirst().orElse("no row " + key);
    }

    private String page(String query) {
        return "http://" + DeliveryViewer.USER + ":" + DeliveryViewer.SECRET + "@127.0.0.1:" + management
                + "/deliveries" + query;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
