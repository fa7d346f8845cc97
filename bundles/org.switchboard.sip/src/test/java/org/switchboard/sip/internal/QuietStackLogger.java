package org.switchboard.sip.internal;

import java.util.Properties;

import gov.nist.core.StackLogger;

/**
 * The JAIN-SIP stack's logger in unit tests: its default one needs log4j, which Karaf provides but the test
 * class path does not. Keeps quiet except for errors.
 */
public class QuietStackLogger implements StackLogger {

    @Override
    public void logStackTrace() {
    }

    @Override
    public void logStackTrace(int traceLevel) {
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        ex.printStackTrace();
    }

    @Override
    public void logDebug(String message) {
    }

    @Override
    public void logDebug(String message, Exception ex) {
    }

    @Override
    public void logTrace(String message) {
    }

    @Override
    public void logFatalError(String message) {
        System.err.println("JAIN-SIP fatal: " + message);
    }

    @Override
    public void logError(String message) {
        System.err.println("JAIN-SIP error: " + message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return true;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return logLevel <= TRACE_ERROR;
    }

    @Override
    public void logError(String message, Exception ex) {
        System.err.println("JAIN-SIP error: " + message + ": " + ex);
    }

    @Override
    public void logWarning(String message) {
    }

    @Override
    public void logInfo(String message) {
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public String getLoggerName() {
        return "quiet";
    }
}
