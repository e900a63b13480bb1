package dev.vigil.ops.backup;

import dev.vigil.backup.RetryPolicy;
import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.s3.S3Config;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the backups are: the S3-compatible storage and the prefix under the bucket. Every setting but the prefix
 * defaults to a {@code VIGIL_BACKUP_S3_*} environment variable; the access and secret key come only from the
 * environment, never from the command line, so that they show up neither in {@code ps} nor in shell history.
 * Missing or malformed settings are usage errors (status 2, one line): nothing has been attempted yet.
 */
public final class StorageOptions {

    static final String ENDPOINT = "VIGIL_BACKUP_S3_ENDPOINT";
    static final String REGION = "VIGIL_BACKUP_S3_REGION";
    static final String BUCKET = "VIGIL_BACKUP_S3_BUCKET";
    static final String PATH_STYLE = "VIGIL_BACKUP_S3_PATH_STYLE";
    static final String ACCESS_KEY = "VIGIL_BACKUP_S3_ACCESS_KEY";
    static final String SECRET_KEY = "VIGIL_BACKUP_S3_SECRET_KEY";

    @Option(names = "--s3-endpoint", paramLabel = "URL", defaultValue = "${env:" + ENDPOINT + "}",
            description = "URL of the S3-compatible service; leave out for AWS S3 (default: $" + ENDPOINT + ").")
    String endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = "${env:" + REGION + ":-us-east-1}",
            description = "Region, e.g. eu-central-1 (default: $" + REGION + ", else us-east-1).")
    String region;

    @Option(names = "--bucket", paramLabel = "BUCKET", defaultValue = "${env:" + BUCKET + "}",
            description = "The bucket; it must exist (default: $" + BUCKET + ").")
    String bucket;

    @Option(names = "--path-style", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            defaultValue = "${env:" + PATH_STYLE + ":-false}",
            description = "Path-style access, needed by MinIO, Ceph, Garage, S3Proxy (default: $" + PATH_STYLE
                    + ", else false).")
    boolean pathStyle;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "vigil",
            description = "Where under the bucket backups go (default: ${DEFAULT-VALUE}).")
    String prefix;

    /** The storage configuration, with the keys from {@code env}; a usage error when something is missing. */
    S3Config config(CommandSpec spec, Map<String, String> env) {
        if (bucket == null || bucket.isBlank()) {
            throw usage(spec, "no bucket: give --bucket or set " + BUCKET);
        }
        if (region == null || region.isBlank()) {
            throw usage(spec, "no region: give --s3-region or set " + REGION);
        }
        if (prefix == null || prefix.isBlank() || prefix.startsWith("/") || prefix.endsWith("/")) {
            throw usage(spec, "--prefix must be a non-empty path without a leading or trailing '/', not \""
                    + prefix + "\"");
        }
        URI uri = null;
        if (endpoint != null && !endpoint.isBlank()) {
            try {
                uri = new URI(endpoint);
            } catch (URISyntaxException e) {
                throw usage(spec, "--s3-endpoint is not a URL: " + endpoint);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw usage(spec, "--s3-endpoint must be an http(s) URL, not \"" + endpoint + "\"");
            }
        }
        String accessKey = env.get(ACCESS_KEY);
        String secretKey = env.get(SECRET_KEY);
        List<String> missing = new ArrayList<>();
        if (accessKey == null || accessKey.isEmpty()) {
            missing.add(ACCESS_KEY);
        }
        if (secretKey == null || secretKey.isEmpty()) {
            missing.add(SECRET_KEY);
        }
        if (!missing.isEmpty()) {
            throw usage(spec, "no storage credentials: set " + String.join(" and ", missing)
                    + " in the environment (they are never taken from the command line)");
        }
        return new S3Config(uri, region, bucket, accessKey, secretKey, pathStyle);
    }

    /** Opens the storage, keys from the process environment. */
    S3ObjectStore open(CommandSpec spec) {
        return S3ObjectStore.open(config(spec, System.getenv()), RetryPolicy.DEFAULT);
    }

    String prefix() {
        return prefix;
    }

    static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
