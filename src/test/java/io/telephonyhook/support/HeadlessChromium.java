package io.telephonyhook.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the tests: Debian's Chromium, headless, driven by its ChromeDriver (packages {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs when missing). The driver's path is given, so Selenium never
 * looks for or downloads one; the flags keep Chromium off the network (this machine's is closed) and sandbox-free
 * (the tests may run as root).
 */
public final class HeadlessChromium {

    public static final String BROWSER = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    /** True when both packages are installed. */
    public static boolean installed() {
        return new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
    }

    /**
     * Skips the test, saying what to install, when a Debian package it needs is missing on a developer's machine; in
     * CI ({@code .ci/run} sets {@code CI}, and installs them) a missing package fails it instead.
     */
    public static void assumePackages(String... commands) {
        for (String command : commands) {
            if (!new File(command).canExecute()) {
                String message = command + " is missing: apt-get install chromium chromium-driver prometheus"
                        + " (bash .ci/run installs them)";
                if (System.getenv("CI") != null) {
                    throw new AssertionError(message);
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(false, message);
            }
        }
    }

    /** A new browser with an empty profile, its window {@code width} by {@code height} CSS pixels. */
    public static ChromeDriver start(int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return browser;
    }

    /** Saves what the browser shows as a PNG. */
    public static void screenshot(ChromeDriver browser, Path png) throws IOException {
        Files.createDirectories(png.getParent());
        Files.write(png, browser.getScreenshotAs(OutputType.BYTES));
    }
}
