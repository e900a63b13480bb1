package dev.vigil.client;

/**
 * What became of one ping: delivered or not, after how many attempts, and why not. A failed ping is
 * reported, never thrown: the job it reports on matters more than its monitoring.
 */
public record PingResult(String signal, boolean delivered, int attempts, int status, String error) {

    static PingResult skipped(String signal) {
        return new PingResult(signal, true, 0, 0, null);
    }

    /** One line for a log: "ping /start delivered" or "ping /fail failed after 5 attempts: HTTP 503". */
    public String describe() {
        if (attempts == 0) {
            return "ping " + signal + " skipped (no ping URL)";
        }
        if (delivered) {
            return "ping " + signal + " delivered (HTTP " + status + ")";
        }
        return "ping " + signal + " failed after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": " + error;
    }
}
