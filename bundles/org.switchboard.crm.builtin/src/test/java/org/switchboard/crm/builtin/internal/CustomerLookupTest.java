package org.switchboard.crm.builtin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.switchboard.crm.builtin.internal.Customers.customer;
import static org.switchboard.crm.builtin.internal.Customers.vip;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.crm.api.Contact;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.NewCustomer;

public class CustomerLookupTest {

    private final TemporaryFolder folder = new TemporaryFolder();
    private final CrmDatabase database = new CrmDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    @Test
    public void aCustomerIsFoundByAnyOfTheirNumbers() {
        Customer created = database.crm().createCustomer(vip("Acme Trading", 3, "+8610 1234 5678", "139-0000-1111"));

        assertEquals(created, database.crm().findByPhone("+861012345678").orElseThrow());
        assertEquals(created, database.crm().findByPhone("13900001111").orElseThrow());
        assertEquals(3, created.vipLevel());
        assertEquals("1001", created.ownerAgent());
        assertEquals("key-accounts", created.ownerTeam());
    }

    @Test
    public void numbersAreStoredAndComparedWithoutSpacesDashesAndBrackets() {
        Customer created = database.crm().createCustomer(customer("Bo", "+1 (555) 010-2030"));

        assertEquals(List.of("+15550102030"), created.phones());
        assertEquals(created.id(), database.crm().findByPhone("+1 555.010.2030").orElseThrow().id());
        assertFalse("the + is part of the number", database.crm().findByPhone("15550102030").isPresent());
    }

    @Test
    public void callersWhoAreNoCustomerOrHaveNoNumberAreUnknown() {
        database.crm().createCustomer(customer("Carla", "5551000"));

        assertFalse(database.crm().findByPhone("5551001").isPresent());
        assertFalse(database.crm().findByPhone("anonymous").isPresent());
        assertFalse(database.crm().findById("C999999").isPresent());
    }

    @Test
    public void everyCustomerGetsTheirOwnIdFoundByEveryDepartment() {
        Customer first = database.crm().createCustomer(customer("Dana", "5552000"));
        Customer second = database.crm().createCustomer(customer("Eli", "5553000"));

        assertNotEquals(first.id(), second.id());
        assertEquals(first, database.crm().findById(first.id()).orElseThrow());
    }

    @Test
    public void aNumberBelongsToOneCustomerOnly() {
        Customer owner = database.crm().createCustomer(customer("Fay", "5554000"));

        CrmException refused = assertThrows(CrmException.class,
                () -> database.crm().createCustomer(customer("Gus", "555-4000")));

        assertTrue(refused.getMessage(), refused.getMessage().contains(owner.id()));
        assertEquals(1, database.crm().search("", 10).size());
    }

    @Test
    public void contactsAreKeptWithTheCustomer() {
        Customer created = database.crm().createCustomer(new NewCustomer("Hale Ltd", 1, null, null, null,
                List.of("5555000"), List.of(new Contact("Ivy Hale", "purchasing", "555 5001", "ivy@hale.example"))));

        assertEquals(List.of(new Contact("Ivy Hale", "purchasing", "5555001", "ivy@hale.example")),
                database.crm().findById(created.id()).orElseThrow().contacts());
    }

    @Test
    public void searchFindsCustomersByNameNumberOrRegionIgnoringCase() {
        Customer acme = database.crm().createCustomer(customer("Acme Trading", "5556000"));
        Customer bolt = database.crm().createCustomer(vip("Bolt & Nut 100%", 1, "5557000"));

        assertEquals(List.of(acme), database.crm().search("acme", 10));
        assertEquals(List.of(bolt), database.crm().search("555-7000", 10));
        assertEquals(List.of(bolt), database.crm().search("SOUTH", 10));
        assertEquals("% is matched literally", List.of(bolt), database.crm().search("100%", 10));
        assertEquals(List.of(acme, bolt), database.crm().search("", 10));
    }

    @Test
    public void theSchemaIsMigratedOnceAndDataSurvivesARestartOfTheBundle() throws Exception {
        Customer created = database.crm().createCustomer(customer("Jo", "5558000"));

        DerbyCrm restarted = database.restarted();

        assertEquals(created, restarted.findByPhone("5558000").orElseThrow());
    }
}
