package org.switchboard.ivr.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.Test;

public class IvrSettingsTest {
    private static final UnaryOperator<String> KARAF = name -> switch (name) {
        case "karaf.etc" -> "/opt/switchboard/etc";
        case "karaf.base" -> "/opt/switchboard";
        default -> null;
    };
    private static final UnaryOperator<String> NO_KARAF = name -> name.equals("karaf.base") ? "/srv/sb" : null;

    @Test
    public void withoutSettingsFlowsAreReadFromTheIvrFolderOfKarafsEtcEveryTwoSeconds() {
        IvrSettings settings = IvrSettings.from(Map.of(), KARAF);

        assertEquals(Path.of("/opt/switchboard/etc/ivr"), settings.flowDirectory());
        assertEquals(Duration.ofSeconds(2), settings.poll());
    }

    @Test
    public void outsideKarafTheDefaultFolderIsEtcIvrUnderTheBase() {
        assertEquals(Path.of("/srv/sb/etc/ivr"), IvrSettings.from(Map.of("flowDirectory", " "), NO_KARAF)
                .flowDirectory());
    }

    @Test
    public void aKarafEtcPlaceholderLeftByConfigAdminIsReplaced() {
        assertEquals(Path.of("/opt/switchboard/etc/flows"),
                IvrSettings.from(Map.of("flowDirectory", "${karaf.etc}/flows"), KARAF).flowDirectory());
    }

    @Test
    public void aRelativeFolderIsRelativeToTheBase() {
        assertEquals(Path.of("/opt/switchboard/flows"),
                IvrSettings.from(Map.of("flowDirectory", "flows/"), KARAF).flowDirectory());
    }

    @Test
    public void thePollIntervalIsReadFromTextOrNumber() {
        assertEquals(Duration.ofSeconds(10), IvrSettings.from(Map.of("pollSeconds", "10"), KARAF).poll());
        assertEquals(Duration.ofSeconds(7), IvrSettings.from(Map.of("pollSeconds", 7), KARAF).poll());
    }

    @Test
    public void aPollIntervalOutOfRangeNamesTheKeyAndTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IvrSettings.from(Map.of("pollSeconds", "0"), KARAF));
        assertEquals("pollSeconds: must be 1..3600, was 0", e.getMessage());
    }

    @Test
    public void aPollIntervalThatIsNoNumberNamesTheKeyAndTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IvrSettings.from(Map.of("pollSeconds", "often"), KARAF));
        assertEquals("pollSeconds: 'often' is not a whole number", e.getMessage());
    }

    @Test
    public void aKarafEtcPlaceholderOutsideKarafIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IvrSettings.from(Map.of("flowDirectory", "${karaf.etc}/ivr"), NO_KARAF));
        assertEquals("flowDirectory: '${karaf.etc}/ivr' uses ${karaf.etc} but the system property karaf.etc is "
                + "not set", e.getMessage());
    }
}
