package org.switchboard.web.internal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.DatabaseBackup;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingQuery;
import org.switchboard.web.internal.http.Access;
import org.switchboard.web.internal.http.ApiException;
import org.switchboard.web.internal.http.ApiRequest;
import org.switchboard.web.internal.http.ApiResponse;
import org.switchboard.web.internal.http.JsonBody;
import org.switchboard.web.internal.http.Router;

/**
 * What the operator's shell commands show and do besides calls and queues: the audit log, SIP lockouts and
 * registered phones, the recordings' list and database backups.
 */
final class OperatorEndpoints {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_AUDIT = 1000;
    private static final int MAX_RECORDINGS = 1000;
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Backends backends;
    private final Audit audit;

    OperatorEndpoints(Backends backends, Audit audit) {
        this.backends = backends;
        this.audit = audit;
    }

    void addTo(Router router) {
        router.get("/audit", Access.SUPERVISORS, request -> {
            int limit = QueryLimit.of(request, DEFAULT_LIMIT, MAX_AUDIT);
            return ApiResponse.ok(backends.auditLog().recent(limit).stream().map(entry -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("at", Views.time(entry.at()));
                view.put("who", entry.who());
                view.put("action", entry.action());
                view.put("detail", entry.detail());
                return view;
            }).toList());
        });
        router.get("/lockouts", Access.SUPERVISORS, request -> ApiResponse.ok(backends.guard().lockouts().stream()
                .map(lockout -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("source", lockout.source());
                    view.put("failures", lockout.failures());
                    view.put("until", Views.time(lockout.until()));
                    return view;
                }).toList()));
        router.delete("/lockouts/{source}", Access.ADMINS, this::clearLockout);
        router.get("/phones", Access.SUPERVISORS, request -> ApiResponse.ok(backends.phones().all().stream()
                .map(phone -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("user", phone.user());
                    view.put("contact", phone.contact());
                    view.put("expiresAt", Views.time(phone.expiresAt()));
                    return view;
                }).toList()));
        router.get("/recordings", Access.SUPERVISORS, this::recordings);
        router.post("/admin/backup", Access.ADMINS, this::backup);
    }

    /** Lifts the lockout; the source's failed authentications are forgotten even when it was not locked out. */
    private ApiResponse clearLockout(ApiRequest request) {
        String source = request.param("source");
        if (!IP_ADDRESS.matcher(source).matches()) {
            throw ApiException.badField("source", "'" + source + "' is not an IP address");
        }
        boolean lifted = backends.guard().clear(source);
        audit.record(request, "lockout-clear", source + (lifted ? "" : " (was not locked out)"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("source", source);
        answer.put("lifted", lifted);
        return ApiResponse.ok(answer);
    }

    private ApiResponse recordings(ApiRequest request) {
        RecordingQuery query = new RecordingQuery(request.queryParam("queue"), request.queryParam("agent"),
                CallFilter.instant(request, "since", false), CallFilter.instant(request, "before", false),
                QueryLimit.of(request, DEFAULT_LIMIT, MAX_RECORDINGS));
        return ApiResponse.ok(backends.recordings().find(query).stream().map(OperatorEndpoints::recording)
                .toList());
    }

    private static Map<String, Object> recording(Recording recording) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", recording.id());
        view.put("callId", recording.callId());
        view.put("queue", recording.queue());
        view.put("agentId", recording.agentId());
        view.put("customer", recording.customer());
        view.put("startedAt", Views.time(recording.startedAt()));
        view.put("durationSeconds", recording.duration().toMillis() / 1000.0);
        view.put("state", recording.state().label());
        view.put("problem", recording.problem());
        view.put("pauses", recording.pauses().stream().map(pause -> Map.of("fromSeconds", pause.fromMillis() / 1000.0,
                "toSeconds", pause.toMillis() / 1000.0)).toList());
        view.put("sizeBytes", recording.sizeBytes());
        view.put("sha256", recording.sha256());
        view.put("location", recording.location());
        view.put("deletedAt", Views.time(recording.deletedAt()));
        return view;
    }

    /**
     * An online backup into a new folder below the one named (relative to the server's home folder, as
     * callcenter:backup takes it) or below the store's default folder.
     */
    private ApiResponse backup(ApiRequest request) {
        JsonBody body = request.json().allowOnly("folder");
        String folder = body.optionalText("folder");
        Path parent;
        try {
            parent = folder == null || folder.isBlank() ? null : serverHome().resolve(folder.trim()).normalize();
        } catch (InvalidPathException e) {
            throw ApiException.badField("folder", "'" + folder + "' is not a path: " + e.getReason());
        }
        DatabaseBackup backup = backends.backup();
        Path written;
        try {
            written = backup.backup(parent == null ? backup.defaultFolder() : parent);
        } catch (StoreException e) {
            throw ApiException.conflict("no backup made: " + e.getMessage());
        }
        audit.record(request, "backup", "database backed up into " + written);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("folder", written.toString());
        answer.put("bytes", sizeOf(written));
        return ApiResponse.ok(answer);
    }

    private static Path serverHome() {
        return Path.of(System.getProperty("karaf.base", ".")).toAbsolutePath();
    }

    /** The backup's size, or -1 when it cannot be read (the backup is made all the same). */
    private static long sizeOf(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
