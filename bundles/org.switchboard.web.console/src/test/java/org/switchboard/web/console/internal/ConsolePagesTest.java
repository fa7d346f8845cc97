package org.switchboard.web.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The console has no build step, so nothing but these checks catches a page that loads a missing file, a script
 * importing a name another module does not export, or looking up an element its page does not have.
 */
public class ConsolePagesTest {
    private static final Path WEB = Path.of("src/main/resources/web");
    private static final Path CHART_JS = Path.of(System.getProperty("switchboard.console.chartjs", "target/chartjs"));
    private static final List<String> PAGES = List.of("index.html", "agent.html", "wallboard.html", "reports.html",
            "admin.html");

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"");
    private static final Pattern IMPORT = Pattern.compile(
            "import\\s*\\{([^}]*)\\}\\s*from\\s*'\\./([^']+)'", Pattern.DOTALL);
    private static final Pattern EXPORT = Pattern.compile("export\\s+(?:async\\s+)?(?:function|const|class)\\s+(\\w+)");
    private static final Pattern BY_ID = Pattern.compile("byId\\('([^']+)'\\)|fill\\('([^']+)'");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Pattern CONTROL_OR_LABEL = Pattern.compile("<(/?)(label|input|select|textarea)\\b([^>]*)>");

    @Test
    public void everyFileAPageLoadsOrLinksToIsInTheBundle() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String page : PAGES) {
            Matcher reference = REFERENCE.matcher(read(WEB.resolve(page)));
            while (reference.find()) {
                String target = reference.group(1);
                Path file = target.startsWith("lib/") ? CHART_JS.resolve(target.substring(4)) : WEB.resolve(target);
                if (!Files.isRegularFile(file)) {
                    missing.add(page + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    public void chartJsAndItsLicenceAreServedFromTheWebJar() {
        assertTrue(Files.isRegularFile(CHART_JS.resolve("chart.umd.js")));
        assertTrue(Files.isRegularFile(CHART_JS.resolve("LICENSE.md")));
    }

    @Test
    public void everyNameAScriptImportsIsExportedByTheModuleItNames() throws IOException {
        List<String> unresolved = new ArrayList<>();
        for (Path script : scripts()) {
            Matcher imports = IMPORT.matcher(read(script));
            while (imports.find()) {
                Path module = script.resolveSibling(imports.group(2));
                Set<String> exported = Files.isRegularFile(module) ? all(EXPORT, read(module)) : Set.of();
                for (String name : imports.group(1).split(",")) {
                    if (!name.isBlank() && !exported.contains(name.trim())) {
                        unresolved.add(script.getFileName() + " imports " + name.trim() + " from " + imports.group(2));
                    }
                }
            }
        }
        assertEquals(List.of(), unresolved);
    }

    @Test
    public void everyElementAPageScriptLooksUpByIdIsOnItsPage() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String page : PAGES) {
            String html = read(WEB.resolve(page));
            Set<String> ids = all(ID, html);
            Matcher module = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"").matcher(html);
            assertTrue(page + " loads its module", module.find());
            String script = read(WEB.resolve(module.group(1)));
            Set<String> wanted = new LinkedHashSet<>(lookedUp(script));
            if (script.contains("startPage(")) {
                wanted.addAll(List.of("messages", "nav", "whoami", "logout", "live"));
            }
            if (script.contains("showError")) {
                wanted.add("messages");
            }
            wanted.stream().filter(id -> !ids.contains(id)).forEach(id -> missing.add(page + " #" + id));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    public void everyFormControlOfEveryPageHasALabel() throws IOException {
        List<String> unlabelled = new ArrayList<>();
        for (String page : PAGES) {
            Matcher tag = CONTROL_OR_LABEL.matcher(read(WEB.resolve(page)));
            int openLabels = 0;
            while (tag.find()) {
                if (tag.group(2).equals("label")) {
                    openLabels += tag.group(1).isEmpty() ? 1 : -1;
                } else if (tag.group(1).isEmpty() && openLabels == 0 && !tag.group(3).contains("aria-label")) {
                    unlabelled.add(page + ": " + tag.group());
                }
            }
        }
        assertEquals(List.of(), unlabelled);
    }

    @Test
    public void everyPageSaysItsLanguageAndTitle() throws IOException {
        for (String page : PAGES) {
            String html = read(WEB.resolve(page));
            assertTrue(page, html.matches("(?s).*<html lang=\"en\"[ >].*"));
            assertTrue(page, html.matches("(?s).*<title>Switchboard – [^<]+</title>.*"));
        }
    }

    private static List<String> lookedUp(String script) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = BY_ID.matcher(script);
        while (matcher.find()) {
            ids.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return ids;
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(WEB.resolve("js"))) {
            return files.filter(file -> file.toString().endsWith(".js")).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
