package org.switchboard.crm.builtin.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.switchboard.api.store.UtcTimestamps;
import org.switchboard.crm.api.Contact;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.NewCustomer;

/** Customers with their phone numbers and contacts (tables crm_customer, crm_customer_phone, crm_contact). */
final class CustomerTable {

    private static final String INSERT = "INSERT INTO crm_customer "
            + "(id, name, vip_level, region, owner_agent, owner_team, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PHONE = "INSERT INTO crm_customer_phone (phone, customer_id, position) "
            + "VALUES (?, ?, ?)";
    private static final String INSERT_CONTACT = "INSERT INTO crm_contact (customer_id, name, role, phone, email) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT id, name, vip_level, region, owner_agent, owner_team, created_at "
            + "FROM crm_customer WHERE id = ?";
    private static final String PHONES = "SELECT phone FROM crm_customer_phone WHERE customer_id = ? "
            + "ORDER BY position";
    private static final String CONTACTS = "SELECT name, role, phone, email FROM crm_contact WHERE customer_id = ? "
            + "ORDER BY id";
    private static final String OWNER_OF_PHONE = "SELECT customer_id FROM crm_customer_phone WHERE phone = ?";
    private static final String SEARCH = "SELECT id FROM crm_customer WHERE LOWER(name) LIKE ? ESCAPE '\\' "
            + "OR LOWER(id) LIKE ? ESCAPE '\\' OR LOWER(region) LIKE ? ESCAPE '\\' "
            + "OR id IN (SELECT customer_id FROM crm_customer_phone WHERE phone LIKE ? ESCAPE '\\') "
            + "ORDER BY name, id FETCH FIRST ? ROWS ONLY";
    private static final String ALL_IDS = "SELECT id FROM crm_customer ORDER BY id";

    private CustomerTable() {
    }

    /** Inserts a customer; a phone number that already belongs to a customer is refused. */
    static Customer insert(Connection connection, String id, NewCustomer customer, Instant createdAt)
            throws SQLException {
        List<String> phones = new ArrayList<>();
        for (String raw : customer.phones()) {
            String phone = normalisedOrRefused(raw);
            Optional<String> owner = ownerOf(connection, phone);
            if (owner.isPresent() || phones.contains(phone)) {
                throw new CrmException("The number " + phone + " already belongs to customer "
                        + owner.orElse(id));
            }
            phones.add(phone);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, id);
            insert.setString(2, Texts.clip(customer.name(), 200));
            insert.setInt(3, customer.vipLevel());
            insert.setString(4, Texts.orNull(customer.region()));
            insert.setString(5, Texts.orNull(customer.ownerAgent()));
            insert.setString(6, Texts.orNull(customer.ownerTeam()));
            UtcTimestamps.set(insert, 7, createdAt);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PHONE)) {
            for (int i = 0; i < phones.size(); i++) {
                insert.setString(1, phones.get(i));
                insert.setString(2, id);
                insert.setInt(3, i);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CONTACT)) {
            for (Contact contact : customer.contacts()) {
                insert.setString(1, id);
                insert.setString(2, Texts.clip(contact.name(), 200));
                insert.setString(3, Texts.clip(Texts.orNull(contact.role()), 128));
                insert.setString(4, contact.phone() == null ? null : normalisedOrRefused(contact.phone()));
                insert.setString(5, Texts.clip(Texts.orNull(contact.email()), 254));
                insert.executeUpdate();
            }
        }
        return new Customer(id, customer.name(), customer.vipLevel(), Texts.orNull(customer.region()),
                Texts.orNull(customer.ownerAgent()), Texts.orNull(customer.ownerTeam()), phones,
                customer.contacts(), createdAt);
    }

    static Optional<Customer> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Customer(row.getString("id"), row.getString("name"), row.getInt("vip_level"),
                        row.getString("region"), row.getString("owner_agent"), row.getString("owner_team"),
                        phones(connection, id), contacts(connection, id), UtcTimestamps.get(row, "created_at")));
            }
        }
    }

    static Optional<String> ownerOf(Connection connection, String normalisedPhone) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OWNER_OF_PHONE)) {
            select.setString(1, normalisedPhone);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    static boolean exists(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM crm_customer WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    static List<Customer> search(Connection connection, String text, int limit) throws SQLException {
        String words = "%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%";
        String digits = "%" + escapeLike(PhoneNumbers.normalise(text).orElse(text.trim())) + "%";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SEARCH)) {
            select.setString(1, words);
            select.setString(2, words);
            select.setString(3, words);
            select.setString(4, digits);
            select.setInt(5, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return load(connection, ids);
    }

    static List<Customer> all(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(ALL_IDS);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return load(connection, ids);
    }

    private static List<Customer> load(Connection connection, List<String> ids) throws SQLException {
        List<Customer> customers = new ArrayList<>();
        for (String id : ids) {
            find(connection, id).ifPresent(customers::add);
        }
        return customers;
    }

    private static List<String> phones(Connection connection, String id) throws SQLException {
        List<String> phones = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(PHONES)) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    phones.add(rows.getString(1));
                }
            }
        }
        return phones;
    }

    private static List<Contact> contacts(Connection connection, String id) throws SQLException {
        List<Contact> contacts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CONTACTS)) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    contacts.add(new Contact(rows.getString("name"), rows.getString("role"), rows.getString("phone"),
                            rows.getString("email")));
                }
            }
        }
        return contacts;
    }

    private static String normalisedOrRefused(String raw) {
        try {
            return PhoneNumbers.require(raw);
        } catch (IllegalArgumentException e) {
            throw new CrmException(e.getMessage());
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
