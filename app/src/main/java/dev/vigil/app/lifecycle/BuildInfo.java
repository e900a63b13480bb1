package dev.vigil.app.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version and git commit of this build, written into the WAR by the build. */
public record BuildInfo(String version, String commit, String commitTime, boolean dirty) {

    private static final String RESOURCE = "/vigil-build.properties";

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new BuildInfo(
                p.getProperty("git.build.version", "unknown"),
                p.getProperty("git.commit.id", "unknown"),
                p.getProperty("git.commit.time", ""),
                Boolean.parseBoolean(p.getProperty("git.dirty", "false")));
    }

    /** The commit shortened as git shows it. */
    public String shortCommit() {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }
}
