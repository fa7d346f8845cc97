package org.switchboard.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runners.Suite.SuiteClasses;

/** Surefire runs only {@link AllIntegrationTests}: an integration test class missing from it would never run. */
public class SuiteListsEveryIntegrationTestTest {

    @Test
    public void everySubclassOfTheTestSupportIsInTheSuite() throws IOException, URISyntaxException {
        Path classes = Path.of(SwitchboardTestSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> integrationTests;
        try (Stream<Path> files = Files.walk(classes)) {
            integrationTests = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.replace('/', '.').replaceAll("\\.class$", ""))
                    .map(SuiteListsEveryIntegrationTestTest::load)
                    .filter(type -> SwitchboardTestSupport.class.isAssignableFrom(type)
                            && type != SwitchboardTestSupport.class)
                    .collect(Collectors.toSet());
        }
        Set<Class<?>> listed = Set.copyOf(Arrays.asList(AllIntegrationTests.class.getAnnotation(SuiteClasses.class)
                .value()));
        assertEquals(integrationTests, listed);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SuiteListsEveryIntegrationTestTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
