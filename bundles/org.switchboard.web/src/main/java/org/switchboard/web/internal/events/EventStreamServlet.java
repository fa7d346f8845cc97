package org.switchboard.web.internal.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.Servlet;
import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.web.internal.HttpExchange;
import org.switchboard.web.internal.WebConfiguration;
import org.switchboard.web.internal.auth.SessionRegistry;
import org.switchboard.web.internal.auth.WebSession;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.Json;

/**
 * {@code GET /api/v1/events}: the live events as Server-Sent Events, for any logged-in user. The request stays
 * open (asynchronous servlet); frames are written by {@link EventFanOut}'s writers.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=" + EventStreamServlet.PATH,
    "osgi.http.whiteboard.servlet.name=switchboard-events",
    "osgi.http.whiteboard.servlet.asyncSupported=true" })
public class EventStreamServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/api/v1/events";

    private final transient LiveEvents events;
    private final transient SessionRegistry sessions;
    private final transient WebConfiguration configuration;

    @Activate
    public EventStreamServlet(@Reference LiveEvents events, @Reference SessionRegistry sessions,
            @Reference WebConfiguration configuration) {
        this.events = events;
        this.sessions = sessions;
        this.configuration = configuration;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<WebSession> session = HttpExchange.session(request, sessions);
        if (session.isEmpty()) {
            refuse(response, new ApiException(401, "log in first"));
            return;
        }
        EventFanOut fanOut = events.fanOut();
        if (fanOut.size() >= configuration.current().maxEventClients()) {
            refuse(response, new ApiException(503, "too many event streams are open; try again later"));
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        ServletOutputStream out = response.getOutputStream();
        out.write("retry: 3000\n: connected\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        EventFanOut.Subscription subscription = fanOut.subscribe(session.get().user(), session.get().id(),
                new StreamSink(async, out), configuration.current().eventQueueSize());
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                fanOut.unsubscribe(subscription);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                fanOut.unsubscribe(subscription);
            }

            @Override
            public void onError(AsyncEvent event) {
                fanOut.unsubscribe(subscription);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do: the stream is already subscribed
            }
        });
    }

    private static void refuse(HttpServletResponse response, ApiException problem) throws IOException {
        ApiResponse answer = ApiResponse.error(problem);
        response.setStatus(answer.status());
        response.setContentType("application/json;charset=utf-8");
        Json.write(answer.json(), response.getOutputStream());
    }

    /** Writes frames to the open response; completing the request ends the stream. */
    private static final class StreamSink implements EventFanOut.Sink {
        private final AsyncContext async;
        private final ServletOutputStream out;

        StreamSink(AsyncContext async, ServletOutputStream out) {
            this.async = async;
            this.out = out;
        }

        @Override
        public void send(String frame) throws IOException {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // already completed by the container (the client went away)
            }
        }
    }
}
