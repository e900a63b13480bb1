package dev.vigil.watchdog.dns.cloudflare;

import dev.vigil.watchdog.DnsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Cloudflare provider against a local server that checks every request exactly and answers with the
 * response shapes of Cloudflare's API v4 documentation: the envelope, paged lists, errors, 429.
 */
class CloudflareRecordsIT {

    private static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String RECORDS = "/zones/" + ZONE + "/dns_records";

    private final ScriptedCloudflare api = new ScriptedCloudflare();
    private final List<Duration> pauses = new ArrayList<>();
    private final CloudflareRecords records = new CloudflareRecords(api.api(), ZONE, ScriptedCloudflare.TOKEN,
            Duration.ofSeconds(5), pauses::add);

    @AfterEach
    void everyRequestAsScripted() {
        api.close();
        assertThat(api.mismatches()).isEmpty();
        assertThat(api.unplayed()).as("scripted requests not made").isZero();
    }

    private static String record(String id, String type, String name, String content) {
        return """
                {"id":"%s","zone_id":"%s","zone_name":"example.com","name":"%s","type":"%s","content":"%s",
                 "proxiable":true,"proxied":false,"ttl":60,"locked":false,"meta":{"auto_added":false},
                 "comment":null,"tags":[],"created_on":"2026-11-20T10:00:00.000000Z",
                 "modified_on":"2026-11-20T10:00:00.000000Z"}""".formatted(id, ZONE, name, type, content);
    }

    private static String list(int page, int totalPages, int totalCount, String... items) {
        return """
                {"success":true,"errors":[],"messages":[],"result":[%s],
                 "result_info":{"page":%d,"per_page":100,"count":%d,"total_count":%d,"total_pages":%d}}"""
                .formatted(String.join(",", items), page, items.length, totalCount, totalPages);
    }

    private static String query(String type, String name, String content, int page) {
        return "?type=" + type + "&name=" + name + (content == null ? "" : "&content=" + content) + "&page=" + page
                + "&per_page=100";
    }

    private static final String EMPTY = list(1, 0, 0);

    @Test
    void listsTheAAndAaaaRecordsOfANameAcrossPages() throws Exception {
        api.expect("GET", RECORDS + query("A", "vigil.example.com", null, 1), null, 200,
                        list(1, 2, 2, record("r1", "A", "vigil.example.com", "203.0.113.10")))
                .expect("GET", RECORDS + query("A", "vigil.example.com", null, 2), null, 200,
                        list(2, 2, 2, record("r2", "A", "vigil.example.com", "203.0.113.11")))
                .expect("GET", RECORDS + query("AAAA", "vigil.example.com", null, 1), null, 200,
                        list(1, 1, 1, record("r3", "AAAA", "vigil.example.com", "2001:db8::10")));
        assertThat(records.addresses("vigil.example.com")).containsExactly(InetAddress.getByName("203.0.113.10"),
                InetAddress.getByName("203.0.113.11"), InetAddress.getByName("2001:db8::10"));
    }

    @Test
    void removingDeletesTheMatchingRecordById() throws Exception {
        api.expect("GET", RECORDS + query("AAAA", "vigil.example.com", "2001%3Adb8%3A%3A10", 1), null, 200,
                        list(1, 1, 1, record("372e67954025e0ba6aaa6d586b9e0b59", "AAAA", "vigil.example.com",
                                "2001:db8::10")))
                .expect("DELETE", RECORDS + "/372e67954025e0ba6aaa6d586b9e0b59", null, 200,
                        "{\"result\":{\"id\":\"372e67954025e0ba6aaa6d586b9e0b59\"}}");
        records.remove("vigil.example.com", InetAddress.getByName("2001:0db8:0:0::10"));
    }

    @Test
    void removingWhatIsNotThereChangesNothing() throws Exception {
        api.expect("GET", RECORDS + query("A", "vigil.example.com", "203.0.113.10", 1), null, 200, EMPTY);
        records.remove("vigil.example.com", InetAddress.getByName("203.0.113.10"));
    }

    @Test
    void addingCreatesAnUnproxiedRecordWithTheTtlUnlessItIsThere() throws Exception {
        api.expect("GET", RECORDS + query("A", "vigil.example.com", "203.0.113.10", 1), null, 200, EMPTY)
                .expect("POST", RECORDS, """
                        {"type":"A","name":"vigil.example.com","content":"203.0.113.10","ttl":60,"proxied":false,
                         "comment":"managed by vigil-watchdog"}""", 200,
                        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":"
                                + record("r9", "A", "vigil.example.com", "203.0.113.10") + "}")
                .expect("GET", RECORDS + query("A", "vigil.example.com", "203.0.113.10", 1), null, 200,
                        list(1, 1, 1, record("r9", "A", "vigil.example.com", "203.0.113.10")));
        records.add("vigil.example.com", InetAddress.getByName("203.0.113.10"), 60);
        records.add("vigil.example.com", InetAddress.getByName("203.0.113.10"), 60); // there now: no POST
    }

    @Test
    void aRateLimitIsWaitedOutAndRetried() throws Exception {
        String limited = "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait and consider "
                + "throttling your request speed\"}],\"messages\":[],\"result\":null}";
        api.expect("GET", RECORDS + query("A", "vigil.example.com", "203.0.113.10", 1), null, 429,
                        Map.of("Retry-After", "3"), limited)
                .expect("GET", RECORDS + query("A", "vigil.example.com", "203.0.113.10", 1), null, 200, EMPTY);
        records.remove("vigil.example.com", InetAddress.getByName("203.0.113.10"));
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aLongRateLimitFailsTheRoundInsteadOfBlockingIt() {
        api.expect("GET", RECORDS + query("A", "vigil.example.com", "203.0.113.10", 1), null, 429,
                Map.of("Retry-After", "300"), "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please "
                        + "wait\"}],\"messages\":[],\"result\":null}");
        assertThatThrownBy(() -> records.remove("vigil.example.com", InetAddress.getByName("203.0.113.10")))
                .isInstanceOf(DnsException.class)
                .hasMessage("Cloudflare zone " + ZONE + " (127.0.0.1) rate-limited list A vigil.example.com for 300 s; "
                        + "trying again next round");
        assertThat(pauses).isEmpty();
    }

    @Test
    void persistentRateLimitingEndsInAnError() {
        String limited = "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait\"}],"
                + "\"messages\":[],\"result\":null}";
        for (int i = 0; i < 3; i++) {
            api.expect("GET", RECORDS + query("A", "vigil.example.com", null, 1), null, 429, Map.of("Retry-After",
                    "1"), limited);
        }
        assertThatThrownBy(() -> records.addresses("vigil.example.com")).isInstanceOf(DnsException.class)
                .hasMessageEndingWith("refused to list A vigil.example.com: HTTP 429 971 Please wait");
        assertThat(pauses).hasSize(2);
    }

    @Test
    void cloudflaresErrorsAreQuotedAndTheTokenNever() throws Exception {
        api.expect("GET", RECORDS + query("A", "vigil.example.com", "203.0.113.10", 1), null, 200, EMPTY)
                .expect("POST", RECORDS, """
                        {"type":"A","name":"vigil.example.com","content":"203.0.113.10","ttl":60,"proxied":false,
                         "comment":"managed by vigil-watchdog"}""", 403,
                        "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],"
                                + "\"messages\":[],\"result\":null}");
        assertThatThrownBy(() -> records.add("vigil.example.com", InetAddress.getByName("203.0.113.10"), 60))
                .isInstanceOf(DnsException.class)
                .hasMessage("Cloudflare zone " + ZONE + " (127.0.0.1) refused to create A vigil.example.com "
                        + "203.0.113.10: HTTP 403 10000 Authentication error (the token needs Zone / DNS / Edit on "
                        + "this zone)")
                .message().doesNotContain(ScriptedCloudflare.TOKEN);
    }

    @Test
    void aSuccessFalseEnvelopeIsAnErrorEvenWith200() {
        api.expect("GET", RECORDS + query("A", "vigil.example.com", null, 1), null, 200,
                "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"Could not route to /zones/x, perhaps "
                        + "your object identifier is invalid?\"},{\"code\":7000,\"message\":\"No route for that URI\"}],"
                        + "\"messages\":[],\"result\":null}");
        assertThatThrownBy(() -> records.addresses("vigil.example.com"))
                .hasMessageEndingWith("HTTP 200 7003 Could not route to /zones/x, perhaps your object identifier is "
                        + "invalid?; 7000 No route for that URI");
    }

    @Test
    void anUnreachableApiIsADnsException() {
        api.close();
        CloudflareRecords nowhere = new CloudflareRecords(api.api(), ZONE, ScriptedCloudflare.TOKEN,
                Duration.ofSeconds(2), pauses::add);
        assertThatThrownBy(() -> nowhere.addresses("vigil.example.com")).isInstanceOf(DnsException.class)
                .hasMessageContaining("unreachable to list A vigil.example.com");
    }

    @Test
    void badSettingsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> new CloudflareRecords("example.com", "t"))
                .hasMessage("a Cloudflare zone id is 32 lower-case hex digits (zone overview page, \"API\" box), "
                        + "not \"example.com\"");
        assertThatThrownBy(() -> new CloudflareRecords(ZONE, "two words"))
                .hasMessage("the Cloudflare API token is empty or has spaces or control characters");
    }
}
