package io.telephonyhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.telephonyhook.auth.AuthenticationSteps;
import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.HeadlessChromium;
import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Try it" with a browser: the packaged jar in demo mode, with no setting at all, shows the newcomer's demo codes
 * arriving on its delivery page, behind the demo's own credential. Its screenshots are the README's
 * ({@code target/screenshots}, copied to {@code docs/images}).
 */
class DeliveryPageDemoIT {

    private static final Path JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();

    @Test
    void aNewcomerSeesTheirDemoCodesDeliveredBehindTheDemoCredential() throws Exception {
        HeadlessChromium.assumePackages(HeadlessChromium.BROWSER, HeadlessChromium.DRIVER);
        int management = JarProcess.freePort();
        try (JarProcess demo = JarProcess.start(JAR, Files.createTempDirectory("demo-page"),
                Map.of("MANAGEMENT_PORT", String.valueOf(management)), "Started TelephonyHookApplication")) {
            OktaClient okta = new OktaClient(demo.port());
            List<String> phones = List.of("+14155552671", "+447400123456", "+33612345678", "+4915112345678");
            for (int i = 0; i < phones.size(); i++) {
                OktaRequest request = i == 2 ? OktaRequest.voice() : OktaRequest.sms();
                assertThat(okta.post(request.phone(phones.get(i)).eventId("demo-page-" + i).json(), "Authorization",
                        AuthenticationSteps.DEMO_AUTH_SECRET).actionStatus()).isEqualTo("SUCCESSFUL");
            }
            URI page = URI.create("http://127.0.0.1:" + management + "/deliveries");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("the demo credential is asked").isEqualTo(401);

            ChromeDriver browser = HeadlessChromium.start(1280, 1900);
            try {
                String signedIn = "http://admin:supersecret@127.0.0.1:" + management + "/deliveries";
                Instant giveUp = Instant.now().plusSeconds(15);
                browser.get(signedIn);
                while (delivered(browser) < phones.size() && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(250);
                    browser.get(signedIn);
                }
                assertThat(delivered(browser)).as("the simulator's reports arrived").isEqualTo(phones.size());
                assertThat(browser.findElement(By.id("found")).getText()).startsWith("4 deliveries");
                assertThat(browser.getPageSource()).doesNotContain("482913").doesNotContain("4155552671");
                HeadlessChromium.screenshot(browser, Path.of("target/screenshots/delivery-page.png"));
            } finally {
                browser.quit();
            }
            ChromeDriver phone = HeadlessChromium.start(390, 844);
            try {
                phone.get("http://admin:supersecret@127.0.0.1:" + management + "/deliveries?eventId=demo-page-0");
                WebElement delivery = phone.findElement(By.cssSelector("article.delivery"));
                assertThat(delivery.getText()).contains("delivered to the phone");
                HeadlessChromium.screenshot(phone, Path.of("target/screenshots/delivery-page-phone.png"));
            } finally {
                phone.quit();
            }
        }
    }

    private static long delivered(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("article.delivery[data-outcome=delivered]")).size();
    }

}
