package dev.vigil.ops.backup;

import dev.vigil.backup.RetryPolicy;
import dev.vigil.client.VigilCheck;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.net.URI;

/** The Vigil check that watches the job; none when the option is left out (a job run by hand). */
public final class PingOptions {

    @Option(names = "--ping-url", paramLabel = "URL",
            description = "Ping this Vigil check: URL/start, then URL with the summary or URL/fail with the error.")
    String pingUrl;

    VigilCheck check(CommandSpec spec) {
        if (pingUrl == null || pingUrl.isBlank()) {
            return VigilCheck.none();
        }
        try {
            return VigilCheck.at(URI.create(pingUrl), RetryPolicy.DEFAULT, System.err::println);
        } catch (IllegalArgumentException e) {
            throw StorageOptions.usage(spec, "--ping-url must be an http(s) URL, not \"" + pingUrl + "\"");
        }
    }
}
