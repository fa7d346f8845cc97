package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (Debian's headless Chromium through its chromedriver) against the unpacked
 * distribution started with bin/start, on ports of its own: an agent logs in, pauses and goes ready; a call placed
 * with sipp pops the caller's customer card; the agent saves a disposition after the call and it shows in the
 * reports; the supervisor's wallboard follows the agent's state live; an admin swaps the support queue's strategy
 * and the queue's file under etc/ changes. Each page is saved as a screenshot in target/screenshots.
 * Selenium runs here, outside the server, which is why this is a plain JUnit test and not a Pax Exam one.
 */
public class WebConsoleBrowserTest {
    private static final int SIP_PORT = 16260;
    private static final int HTTP_PORT = 18281;
    private static final int SSH_PORT = 18121;
    private static final int AGENT_PORT = 16291;
    private static final int CALLER_PORT = 16271;
    private static final int SUPERVISOR_PORT = 16292;
    private static final String CUSTOMER = "Dana Liu";
    private static final String CUSTOMER_PHONE = "+8613800000042";
    private static final String CONSOLE = "http://127.0.0.1:" + HTTP_PORT + "/console/";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Path home;
    private static Path screenshots;
    private static final List<WebDriver> browsers = new ArrayList<>();
    private static final List<Sipp.Run> phones = new ArrayList<>();

    /** On a failure, every open browser's page is kept as a screenshot too. */
    @Rule
    public final TestWatcher failureScreenshots = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            for (int i = 0; i < browsers.size(); i++) {
                try {
                    screenshot(browsers.get(i), "failure-browser-" + (i + 1));
                } catch (RuntimeException | IOException ignored) {
                    // the browser itself may be what failed
                }
            }
        }
    };

    @BeforeClass
    public static void unpackAndStartTheDistribution() throws Exception {
        Path target = Path.of(System.getProperty("switchboard.sipp.logs")).getParent();
        screenshots = Path.of(System.getProperty("switchboard.screenshots", target.resolve("screenshots").toString()));
        UnpackedDistribution.deleteRecursively(screenshots);
        Files.createDirectories(screenshots);
        home = UnpackedDistribution.unpack("browser-test",
                new UnpackedDistribution.Ports(SIP_PORT, SSH_PORT, 11119, 14464));
        setProperty("etc/org.switchboard.media.cfg", "rtpPortMin", "31000");
        setProperty("etc/org.switchboard.media.cfg", "rtpPortMax", "31999");
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT));

        UnpackedDistribution.run(home.toFile(), "bin/start");
        awaitOutput("callcenter:queues", "support");
        awaitHttp(CONSOLE + "index.html");
        Path customers = home.resolve("data/browser-test-customers.csv");
        Files.writeString(customers, "name,vip_level,region,owner_agent,phones\n"
                + CUSTOMER + ",2,north,1001," + CUSTOMER_PHONE + "\n");
        String imported = client("callcenter:crm-import customers " + customers);
        assertTrue(imported, imported.contains("1 customers imported"));
    }

    @AfterClass
    public static void stopEverything() throws Exception {
        browsers.forEach(WebDriver::quit);
        for (Sipp.Run phone : phones) {
            phone.stop();
        }
        if (home != null) {
            UnpackedDistribution.stopServer(home);
        }
    }

    @Test
    public void anAgentTakesACallWithItsScreenPopTheSupervisorSeesItLiveAndTheAdminSwapsAStrategy() throws Exception {
        WebDriver supervisor = newBrowser();
        supervisor.get(CONSOLE);
        waitFor(supervisor).until(ExpectedConditions.urlToBe(CONSOLE + "index.html"));
        waitFor(supervisor).until(ExpectedConditions.elementToBeClickable(By.id("login")));
        screenshot(supervisor, "01-login");
        logIn(supervisor, "supervisor", "supervisor", "wallboard.html");
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-1001-state"),
                "Logged out"));
        // Listen in, whisper and barge act on a call only: while the agent has none, they are disabled and say why.
        waitFor(supervisor).until(ExpectedConditions.attributeToBe(
                By.cssSelector("button[aria-label='Listen in on the call of agent 1001']"), "title",
                "Agent 1001 is not on a call"));

        // The agent's phone registers; the agent logs in to their queues; the wallboard follows without a reload.
        Sipp sipp = new Sipp(SIP_PORT);
        sipp.play("register.xml", AGENT_PORT, "-s", "1001", "-au", "1001", "-ap", "demo1001");
        WebDriver agent = newBrowser();
        agent.get(CONSOLE + "index.html");
        logIn(agent, "1001", "agent1001", "agent.html");
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-state"), "Logged out"));
        click(agent, "login-agent");
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-state"), "Available"));
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-1001-state"),
                "Available"));
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-support-agents"),
                "1 / 1"));

        // The agent pauses with a reason; a known customer calls the support number and waits.
        String reason = new Select(agent.findElement(By.id("pause-reason"))).getFirstSelectedOption().getText();
        click(agent, "pause");
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-state"),
                "Paused (" + reason + ")"));
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-1001-state"),
                "Paused (" + reason + ")"));
        Sipp.Run phone = sipp.start("agent-answer.xml", AGENT_PORT, "-s", "1001");
        phones.add(phone);
        Sipp.Run caller = sipp.start("caller-from.xml", CALLER_PORT, "-s", "4000", "-key", "ani", CUSTOMER_PHONE);
        phones.add(caller);
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-support-waiting"),
                "1"));
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-preview"), CUSTOMER));
        assertTrue(agent.findElement(By.id("queue-preview")).getText().contains(CUSTOMER_PHONE));
        screenshot(agent, "02-agent-paused-with-a-caller-waiting");
        screenshot(supervisor, "03-wallboard-1280x800");
        showPageAt(supervisor, 1920, 1080);
        screenshot(supervisor, "04-wallboard-1920x1080");
        showPageAt(supervisor, 1280, 800);

        // The agent goes ready and is offered the call: the screen shows who is calling.
        click(agent, "ready");
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-ani"), CUSTOMER_PHONE));
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-name"), CUSTOMER));
        assertEquals("4000", agent.findElement(By.id("pop-dnis")).getText());
        caller.expectSuccess();
        phone.expectSuccess();

        // The call is over: the agent wraps up with a disposition and notes.
        waitFor(agent).until(ExpectedConditions.visibilityOfElementLocated(By.id("wrapup-panel")));
        screenshot(agent, "05-agent-screen-pop-and-wrap-up");
        Select disposition = new Select(agent.findElement(By.id("disposition")));
        disposition.selectByIndex(1);
        String code = disposition.getFirstSelectedOption().getAttribute("value");
        agent.findElement(By.id("notes")).sendKeys("Asked for a callback about the invoice");
        click(agent, "save-disposition");
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Disposition \"" + code + "\" saved"));
        screenshot(agent, "06-agent-after-wrap-up");

        // The next call is ended by the agent from the page: the server hangs up both phones (third-party control).
        if (agent.findElement(By.id("ready")).isEnabled()) {
            click(agent, "ready");
        }
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-state"), "Available"));
        Sipp.Run secondPhone = sipp.start("agent-answer.xml", AGENT_PORT, "-s", "1001");
        phones.add(secondPhone);
        Sipp.Run secondCaller = sipp.start("caller-waits-for-agent-bye.xml", CALLER_PORT + 1, "-s", "4000");
        phones.add(secondCaller);
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-banner"), "On call"));

        // Meanwhile the supervisor listens in from the wallboard: the server rings the supervisor's own phone.
        sipp.play("register.xml", SUPERVISOR_PORT, "-s", "1002", "-au", "1002", "-ap", "demo1002");
        try (RtpPhone supervisorPhone = new RtpPhone("1002", SUPERVISOR_PORT, SIP_PORT)) {
            WebElement myPhone = supervisor.findElement(By.id("my-extension"));
            myPhone.clear();
            myPhone.sendKeys("1002");
            By listenIn = By.cssSelector("button[aria-label='Listen in on the call of agent 1001']");
            waitFor(supervisor).until(ExpectedConditions.elementToBeClickable(listenIn)).click();
            assertTrue("the supervisor's phone rings and is answered",
                    supervisorPhone.awaitAnswered(Duration.ofSeconds(10)));
            waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("agent-1001-supervision"), "1002 listening"));
            screenshot(supervisor, "06b-wallboard-listening-in");

            click(agent, "hangup");
            secondCaller.expectSuccess();
            secondPhone.expectSuccess();
            assertTrue("the supervisor's phone is hung up with the call",
                    supervisorPhone.awaitHungUp(Duration.ofSeconds(10)));
        }
        waitFor(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-banner"), "Call ended"));
        waitFor(agent).until(ExpectedConditions.visibilityOfElementLocated(By.id("wrapup-panel")));

        // The supervisor finds the call in the reports, with the agent's disposition.
        supervisor.get(CONSOLE + "reports.html");
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("cdr-results"),
                CUSTOMER_PHONE));
        WebElement row = supervisor.findElements(By.cssSelector("#cdr-results tbody tr")).stream()
                .filter(r -> r.getText().contains(CUSTOMER_PHONE)).findFirst().orElseThrow();
        assertTrue(row.getText(), row.getText().contains(code));
        assertTrue(row.getText(), row.getText().contains("1001"));
        screenshot(supervisor, "07-reports");
        String csv = (String) ((JavascriptExecutor) supervisor).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
                supervisor.findElement(By.id("cdr-csv")).getAttribute("href"));
        String csvLine = csv.lines().filter(line -> line.contains(CUSTOMER_PHONE)).findFirst().orElseThrow(
                () -> new AssertionError("the CSV export has no line of the call:\n" + csv));
        assertTrue(csvLine, csvLine.contains(code) && csvLine.contains("Asked for a callback about the invoice"));

        // An admin swaps the support queue's strategy; the queue's file under etc/ follows.
        click(supervisor, "logout");
        waitFor(supervisor).until(ExpectedConditions.urlContains("index.html"));
        waitFor(supervisor).until(ExpectedConditions.elementToBeClickable(By.id("login")));
        logIn(supervisor, "karaf", "karaf", "wallboard.html");
        supervisor.get(CONSOLE + "admin.html#queues");
        waitFor(supervisor).until(ExpectedConditions.attributeToBeNotEmpty(
                supervisor.findElement(By.id("queue-fields")), "data-queue"));
        new Select(supervisor.findElement(By.id("queue-select"))).selectByValue("support");
        waitFor(supervisor).until(ExpectedConditions.attributeToBe(By.id("queue-fields"), "data-queue", "support"));
        assertEquals("longest-idle", supervisor.findElement(By.id("strategy-in-use")).getText());
        new Select(supervisor.findElement(By.id("strategy-select"))).selectByValue("round-robin");
        click(supervisor, "strategy-apply");
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("strategy-in-use"),
                "round-robin"));
        screenshot(supervisor, "08-admin-queues");
        Path queueFile = home.resolve("etc/org.switchboard.acd.queue-support.cfg");
        awaitFile(queueFile, "(?m)^\\s*strategy\\s*=\\s*round-robin\\s*$");

        // A bad value is refused with the field named, and the queue's file keeps its good settings.
        WebElement maxWait = supervisor.findElement(By.cssSelector("#queue-fields input[data-key='maxWaitSeconds']"));
        maxWait.clear();
        maxWait.sendKeys("soon");
        click(supervisor, "queue-save");
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "(field: maxWaitSeconds)"));
        assertEquals("true", maxWait.getAttribute("aria-invalid"));
        assertTrue(Files.readString(queueFile).contains("maxWaitSeconds = 60"));
        supervisor.get(CONSOLE + "admin.html#strategies");
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("strategy-list"),
                "round-robin"));
        screenshot(supervisor, "09-admin-strategies");

        // The admin's other sections show what the server's configuration holds.
        supervisor.get(CONSOLE + "admin.html#agents");
        waitFor(supervisor).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#agent-fields input[data-key='skills']")));
        screenshot(supervisor, "10-admin-agents");
        supervisor.get(CONSOLE + "admin.html#pause-codes");
        waitFor(supervisor).until(ExpectedConditions.attributeContains(By.id("pause-reasons"), "value", reason));
        supervisor.get(CONSOLE + "admin.html#crm");
        waitFor(supervisor).until(ExpectedConditions.attributeToBe(By.id("crm-adapter"), "value", "builtin"));
        supervisor.get(CONSOLE + "admin.html#flows");
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flow-list"),
                "Flows are read from"));
        screenshot(supervisor, "11-admin-flows");
        supervisor.get(CONSOLE + "admin.html#users");
        waitFor(supervisor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-list"),
                "supervisor"));
        screenshot(supervisor, "12-admin-users");
    }

    private static void logIn(WebDriver browser, String user, String password, String landingPage) {
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("login")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        waitFor(browser).until(ExpectedConditions.urlContains(landingPage));
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), user));
    }

    private static void click(WebDriver browser, String id) {
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    /** Debian's Chromium, headless, 1280x800, with a fresh profile; nothing is downloaded. */
    private static WebDriver newBrowser() throws IOException {
        Path profile = Files.createTempDirectory("switchboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        showPageAt(browser, 1280, 800);
        return browser;
    }

    /** Sizes the window so that the page itself (not the window around it) is width x height. */
    private static void showPageAt(WebDriver browser, int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        JavascriptExecutor page = (JavascriptExecutor) browser;
        long innerWidth = (Long) page.executeScript("return window.innerWidth");
        long innerHeight = (Long) page.executeScript("return window.innerHeight");
        browser.manage().window().setSize(new Dimension(width + (int) (width - innerWidth),
                height + (int) (height - innerHeight)));
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + ".png"), png);
    }

    private static void awaitHttp(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int status = 0;
        while (System.nanoTime() < deadline) {
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the HTTP service is not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(url + " did not answer 200 within 90 s (last status " + status + ")");
    }

    private static void awaitFile(Path file, String regex) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.readString(file);
            if (java.util.regex.Pattern.compile(regex).matcher(text).find()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(file + " never matched " + regex + ":\n" + text);
    }

    private static String awaitOutput(String command, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String output = "";
        while (System.nanoTime() < deadline) {
            output = client(command);
            if (output.contains(expected)) {
                return output;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("'" + command + "' never showed '" + expected + "'; last output:\n" + output);
    }

    private static String client(String command) throws Exception {
        return UnpackedDistribution.client(home, SSH_PORT, command);
    }

    /** Karaf's etc/ may not hold the file yet (pax-web's defaults apply without it): it is created then. */
    private static void setProperty(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        if (!Files.exists(path)) {
            Files.writeString(path, "");
        }
        UnpackedDistribution.setProperty(home, file, key, value);
    }
}
