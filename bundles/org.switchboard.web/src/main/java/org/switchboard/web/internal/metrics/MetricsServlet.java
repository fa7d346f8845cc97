package org.switchboard.web.internal.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.web.internal.HttpExchange;
import org.switchboard.web.internal.WebConfiguration;
import org.switchboard.web.internal.auth.Role;
import org.switchboard.web.internal.auth.SessionRegistry;
import org.switchboard.web.internal.auth.WebSession;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiResponse;

/**
 * {@code GET /metrics}: Prometheus's text format. A Prometheus server scrapes without a login, so clients on this
 * machine (a local Prometheus or an agent forwarding) may read it anonymously unless
 * {@code metricsAnonymousFromLoopback = false}; everyone else needs an admin's console session.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/metrics",
    "osgi.http.whiteboard.servlet.name=switchboard-metrics" })
public class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient SwitchboardMetrics metrics;
    private final transient SessionRegistry sessions;
    private final transient WebConfiguration configuration;

    @Activate
    public MetricsServlet(@Reference SwitchboardMetrics metrics, @Reference SessionRegistry sessions,
            @Reference WebConfiguration configuration) {
        this.metrics = metrics;
        this.sessions = sessions;
        this.configuration = configuration;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean anonymousAllowed = configuration.current().metricsAnonymousFromLoopback()
                && HttpExchange.isLoopback(request);
        if (!anonymousAllowed) {
            Optional<WebSession> session = HttpExchange.session(request, sessions);
            if (session.isEmpty()) {
                HttpExchange.write(ApiResponse.error(new ApiException(401, "log in as an admin first")), response);
                return;
            }
            if (!session.get().user().has(Role.ADMIN)) {
                HttpExchange.write(ApiResponse.error(ApiException.forbidden("only admins may read the metrics")),
                        response);
                return;
            }
        }
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
