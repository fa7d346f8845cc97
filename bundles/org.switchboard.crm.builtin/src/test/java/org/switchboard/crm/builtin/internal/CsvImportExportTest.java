package org.switchboard.crm.builtin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.switchboard.crm.builtin.internal.Customers.customer;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.Lead;
import org.switchboard.crm.api.LeadStatus;
import org.switchboard.crm.builtin.ImportReport;
import org.switchboard.crm.builtin.ImportReport.RowError;

public class CsvImportExportTest {

    private final TemporaryFolder folder = new TemporaryFolder();
    private final CrmDatabase database = new CrmDatabase(folder);
    private final CrmDatabase other = new CrmDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database).around(other);

    private static final String CUSTOMERS = """
            name,vip_level,region,owner_agent,owner_team,phones
            "Acme, Trading",2,north,1001,key-accounts,+86 10 1234 5678;139-0000-1111
            Bolt Nut,0,south,,,5552000
            "Carla ""CD"" Diaz",5,,,,
            """;

    @Test
    public void customersAreImportedWithAllTheirNumbers() {
        ImportReport report = database.crm().importCustomers(new StringReader(CUSTOMERS));

        assertEquals(new ImportReport(3, List.of()), report);
        Customer acme = database.crm().findByPhone("13900001111").orElseThrow();
        assertEquals("Acme, Trading", acme.name());
        assertEquals(List.of("+861012345678", "13900001111"), acme.phones());
        assertEquals("key-accounts", acme.ownerTeam());
        assertEquals(5, database.crm().search("CD", 10).get(0).vipLevel());
    }

    @Test
    public void aFileWithBadRowsImportsNothingAndNamesEachBadRowAndWhy() {
        database.crm().createCustomer(customer("Existing", "5557777"));
        String csv = """
                id,name,vip_level,phones
                ,Good One,1,5551000
                ,,1,5551001
                ,Bad Level,high,5551002
                ,Taken Number,0,555-7777
                ,Twice,0,5551000
                C9,Not A Number,0,call me
                """;

        ImportReport report = database.crm().importCustomers(new StringReader(csv));

        assertFalse(report.succeeded());
        assertEquals(0, report.imported());
        assertEquals(List.of(3, 4, 5, 6, 7), report.errors().stream().map(RowError::row).toList());
        assertTrue(report.errors().get(0).reason().contains("name is required"));
        assertTrue(report.errors().get(1).reason().contains("vip_level \"high\""));
        assertTrue(report.errors().get(2).reason().contains("belongs to customer"));
        assertTrue(report.errors().get(3).reason().contains("also on row 2"));
        assertTrue(report.errors().get(4).reason().contains("\"call me\" is not a phone number"));
        assertFalse("the good row was not imported either", database.crm().findByPhone("5551000").isPresent());
        assertEquals(1, database.crm().search("", 10).size());
    }

    @Test
    public void aHeaderWithAnUnknownColumnOrWithoutNameIsRefused() {
        ImportReport report = database.crm().importCustomers(new StringReader("nom,phones\nAnn,5551000\n"));

        assertEquals(List.of(1, 1), report.errors().stream().map(RowError::row).toList());
        assertTrue(report.errors().get(0).reason().contains("unknown column \"nom\""));
        assertTrue(report.errors().get(1).reason().contains("required column name"));
    }

    @Test
    public void exportedCustomersImportIntoAnotherDatabaseAndExportTheSame() {
        database.crm().importCustomers(new StringReader(CUSTOMERS));
        String exported = exportCustomers(database.crm());

        ImportReport report = other.crm().importCustomers(new StringReader(exported));

        assertEquals(new ImportReport(3, List.of()), report);
        assertEquals(exported, exportCustomers(other.crm()));
        assertEquals(database.crm().search("", 10), other.crm().search("", 10));
    }

    @Test
    public void importingAnExportIntoTheSameDatabaseIsRefusedForItsExistingIds() {
        database.crm().importCustomers(new StringReader(CUSTOMERS));

        ImportReport again = database.crm().importCustomers(new StringReader(exportCustomers(database.crm())));

        assertEquals(3, again.errors().size());
        assertTrue(again.errors().get(0).reason().contains("existing customer"));
    }

    @Test
    public void leadsRoundTripThroughCsvWithTheirStatus() {
        Customer customer = database.crm().createCustomer(customer("Kim", "5559000"));
        String csv = "id,name,phone,email,source,status,assigned_agent,converted_customer_id,notes\n"
                + "L100,Kim,5559000,kim@park.example,fair,converted,1002," + customer.id() + ",\"multi\nline\"\n"
                + ",Lou,555 9001,,,,1003,,\n"
                + ",Max,,,,,,,\n";

        ImportReport report = database.crm().importLeads(new StringReader(csv));

        assertEquals(new ImportReport(3, List.of()), report);
        List<Lead> leads = database.crm().leads(null, 10);
        assertEquals(LeadStatus.ASSIGNED, statusOf(leads, "Lou"));
        assertEquals(LeadStatus.NEW, statusOf(leads, "Max"));
        assertEquals(LeadStatus.CONVERTED, statusOf(leads, "Kim"));
        assertEquals("multi\nline", leads.stream().filter(lead -> lead.id().equals("L100")).findFirst()
                .orElseThrow().notes());
        StringWriter exported = new StringWriter();
        assertEquals(3, database.crm().exportLeads(exported));
        other.crm().importCustomers(new StringReader(exportCustomers(database.crm())));
        assertEquals(new ImportReport(3, List.of()), other.crm().importLeads(new StringReader(exported.toString())));
        StringWriter again = new StringWriter();
        other.crm().exportLeads(again);
        assertEquals(exported.toString(), again.toString());
    }

    @Test
    public void aLeadMarkedConvertedWithoutItsCustomerIsABadRow() {
        ImportReport report = database.crm().importLeads(new StringReader(
                "name,status,converted_customer_id\nKim,converted,C404\nLou,lost,\n"));

        assertEquals(List.of(new RowError(2, "converted_customer_id C404 is no customer")), report.errors());
        assertTrue(database.crm().leads(null, 10).isEmpty());
    }

    private static LeadStatus statusOf(List<Lead> leads, String name) {
        return leads.stream().filter(lead -> lead.name().equals(name)).findFirst().orElseThrow().status();
    }

    private static String exportCustomers(DerbyCrm crm) {
        StringWriter out = new StringWriter();
        crm.exportCustomers(out);
        return out.toString();
    }
}
