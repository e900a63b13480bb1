package dev.vigil.app.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UsageSnippetsTest {

    private static final String URL = "https://vigil.example.com/ping/5a9f0c1e-0000-4000-8000-000000000001";

    @Test
    void everySnippetPingsTheChecksUrlAndTheCrontabLineFollowsItsCronExpression() {
        List<UsageSnippets.Snippet> snippets = UsageSnippets.of(URL, "15 4 * * 1-5");
        assertThat(snippets).extracting(UsageSnippets.Snippet::id)
                .containsExactly("crontab", "bash", "python", "powershell", "ops-run");
        assertThat(snippets).allSatisfy(s -> assertThat(s.code()).contains(URL));
        assertThat(snippets.get(0).code()).startsWith("15 4 * * 1-5 ").contains("curl -fsS");
        assertThat(snippets.get(1).code()).contains("\"$URL/start\"").endsWith("\"$URL/$?\"");
        assertThat(snippets.get(4).code()).isEqualTo("ops run --ping-url " + URL + " --timeout 1h -- /usr/local/bin/backup");
    }

    @Test
    void aPeriodCheckGetsAnExampleTime() {
        assertThat(UsageSnippets.of(URL, null).get(0).code()).startsWith("0 3 * * * ");
    }
}
