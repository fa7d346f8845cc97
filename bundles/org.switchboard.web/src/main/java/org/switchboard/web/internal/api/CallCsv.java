package org.switchboard.web.internal.api;

import java.util.List;

/** Calls as CSV (RFC 4180), one header row; cells a spreadsheet would take for a formula are quoted with '. */
final class CallCsv {
    static final String HEADER = "callId,ani,dnis,queue,agentId,state,disposition,arrivedAt,offeredAt,answeredAt,"
            + "endedAt,waitSeconds,talkSeconds,wrapupCode,notes";

    private CallCsv() {
    }

    static String write(List<Views.CallView> calls) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Views.CallView call : calls) {
            List<String> cells = List.of(text(call.callId()), text(call.ani()), text(call.dnis()), text(call.queue()),
                    text(call.agentId()), text(call.state()), text(call.disposition()), text(call.arrivedAt()),
                    text(call.offeredAt()), text(call.answeredAt()), text(call.endedAt()),
                    Long.toString(call.waitSeconds()), Long.toString(call.talkSeconds()),
                    text(call.variables().get(CallEndpoints.WRAPUP_CODE)),
                    text(call.variables().get(CallEndpoints.NOTES)));
            csv.append(String.join(",", cells.stream().map(CallCsv::cell).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=@\t\r".indexOf(safe.charAt(0)) >= 0
                || safe.length() > 1 && (safe.charAt(0) == '-' || safe.charAt(0) == '+')
                        && !Character.isDigit(safe.charAt(1))) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
