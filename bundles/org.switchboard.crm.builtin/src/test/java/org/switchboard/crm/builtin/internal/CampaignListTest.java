package org.switchboard.crm.builtin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.switchboard.crm.builtin.internal.Customers.customer;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.builtin.AttemptResult;
import org.switchboard.crm.builtin.CampaignEntry;

public class CampaignListTest {

    private final TemporaryFolder folder = new TemporaryFolder();
    private final CrmDatabase database = new CrmDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    @Test
    public void attemptsAreCountedWithTheirResultsAndReachedOrExhaustedEntriesAreNotCalledAgain() {
        Customer ann = database.crm().createCustomer(customer("Ann", "5551000"));
        database.crm().createCampaign("spring-survey", "satisfaction survey", 2);
        CampaignEntry first = database.crm().addToCampaign("spring-survey", ann.id(), "555-1000");
        CampaignEntry second = database.crm().addToCampaign("spring-survey", null, "5552000");
        CampaignEntry third = database.crm().addToCampaign("spring-survey", null, "5553000");

        database.crm().recordAttempt(first.id(), AttemptResult.REACHED, "happy");
        database.crm().recordAttempt(second.id(), AttemptResult.NO_ANSWER, null);
        CampaignEntry busy = database.crm().recordAttempt(second.id(), AttemptResult.BUSY, null);
        database.crm().recordAttempt(third.id(), AttemptResult.CALL_BACK, "after 6pm");

        assertEquals(2, busy.attempts());
        assertEquals(AttemptResult.BUSY, busy.lastResult());
        assertEquals(database.clock.instant(), busy.lastAttemptAt());
        assertEquals(List.of(third.id()),
                database.crm().toCall("spring-survey", 10).stream().map(CampaignEntry::id).toList());
        assertEquals("5551000", database.crm().entries("spring-survey").get(0).phone());
        assertEquals("happy", database.crm().entries("spring-survey").get(0).lastNote());
    }

    @Test
    public void aDoNotCallAnswerStopsTheNumberInEveryCampaignNowAndLater() {
        database.crm().createCampaign("promo", null, 3);
        database.crm().createCampaign("survey", null, 3);
        CampaignEntry promo = database.crm().addToCampaign("promo", null, "5551000");
        database.crm().addToCampaign("survey", null, "5551000");

        CampaignEntry marked = database.crm().recordAttempt(promo.id(), AttemptResult.DO_NOT_CALL, "asked");
        database.crm().createCampaign("win-back", null, 3);
        CampaignEntry later = database.crm().addToCampaign("win-back", null, "555 1000");

        assertTrue(marked.doNotCall());
        assertTrue(database.crm().entries("survey").get(0).doNotCall());
        assertTrue(later.doNotCall());
        assertTrue(database.crm().toCall("promo", 10).isEmpty());
        assertTrue(database.crm().toCall("survey", 10).isEmpty());
        assertTrue(database.crm().toCall("win-back", 10).isEmpty());
    }

    @Test
    public void aNumberMarkedDoNotCallBeforeAnyCampaignIsAddedMarked() {
        database.crm().markDoNotCall("+44 20 7946 0000");
        database.crm().createCampaign("promo", null, 1);

        assertTrue(database.crm().addToCampaign("promo", null, "+442079460000").doNotCall());
        assertFalse(database.crm().addToCampaign("promo", null, "+442079460001").doNotCall());
    }

    @Test
    public void aNumberIsOnceInACampaignAndCampaignsAndCustomersMustExist() {
        database.crm().createCampaign("promo", null, 1);
        database.crm().addToCampaign("promo", null, "5551000");

        assertThrows(CrmException.class, () -> database.crm().addToCampaign("promo", null, "555-1000"));
        assertThrows(CrmException.class, () -> database.crm().addToCampaign("nope", null, "5551001"));
        assertThrows(CrmException.class, () -> database.crm().addToCampaign("promo", "C404", "5551002"));
        assertThrows(CrmException.class, () -> database.crm().createCampaign("promo", null, 1));
        assertEquals(1, database.crm().campaigns().size());
    }
}
