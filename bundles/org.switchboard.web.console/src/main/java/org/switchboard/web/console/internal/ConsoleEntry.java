package org.switchboard.web.console.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * Sends whoever opens the console's address, {@code /console} or {@code /console/}, to its login page: the
 * whiteboard's resource servlet answers a folder with 403, as it has no welcome files.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=switchboard-console-entry",
        "osgi.http.whiteboard.servlet.pattern=/console",
        "osgi.http.whiteboard.servlet.pattern=/console/" })
public class ConsoleEntry extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/console/index.html");
    }
}
