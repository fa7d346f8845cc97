package org.switchboard.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.acd.RoutingDecisionLog;
import org.switchboard.api.acd.RoutingDecisionRecord;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.UtcTimestamps;

/** Keeps routing decisions in the Switchboard database. */
@Component(service = RoutingDecisionLog.class)
public class DerbyRoutingDecisionLog implements RoutingDecisionLog {

    private static final int REASON_LENGTH = 1000;
    private static final String APPEND = "INSERT INTO routing_decision (call_id, queue_name, strategy, "
            + "strategy_version, chosen_agent, reason, candidates, decided_at, took_micros, fallback_cause) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FOR_CALL = "SELECT call_id, queue_name, strategy, strategy_version, chosen_agent, "
            + "reason, candidates, decided_at, took_micros, fallback_cause FROM routing_decision WHERE call_id = ? "
            + "ORDER BY decided_at, id";

    private final ConnectionSource connections;

    @Activate
    public DerbyRoutingDecisionLog(@Reference(name = "connections") ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void append(RoutingDecisionRecord decision) {
        try (Connection connection = connections.open();
                PreparedStatement insert = connection.prepareStatement(APPEND)) {
            insert.setString(1, decision.callId());
            insert.setString(2, decision.queue());
            insert.setString(3, decision.strategy());
            insert.setString(4, decision.strategyVersion());
            insert.setString(5, decision.chosenAgent());
            insert.setString(6, clip(decision.reason(), REASON_LENGTH));
            insert.setInt(7, decision.candidates());
            UtcTimestamps.set(insert, 8, decision.decidedAt());
            insert.setLong(9, decision.took().toNanos() / 1000);
            insert.setString(10, decision.fallbackCause() == null ? null : clip(decision.fallbackCause(), 500));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the routing decision for call " + decision.callId(), e);
        }
    }

    @Override
    public List<RoutingDecisionRecord> forCall(String callId) {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(FOR_CALL)) {
            statement.setString(1, callId);
            try (ResultSet rows = statement.executeQuery()) {
                List<RoutingDecisionRecord> decisions = new ArrayList<>();
                while (rows.next()) {
                    decisions.add(new RoutingDecisionRecord(rows.getString("call_id"), rows.getString("queue_name"),
                            rows.getString("strategy"), rows.getString("strategy_version"),
                            rows.getString("chosen_agent"), rows.getString("reason"), rows.getInt("candidates"),
                            UtcTimestamps.get(rows, "decided_at"), Duration.ofNanos(rows.getLong("took_micros") * 1000),
                            rows.getString("fallback_cause")));
                }
                return decisions;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the routing decisions of call " + callId, e);
        }
    }

    /** A strategy's reason is free text of any length; the column keeps its beginning. */
    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
