package dev.vigil.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenFilesTest {

    @TempDir
    Path dir;

    @Test
    void aMatchPassesAndAMismatchFailsWithADiffAndTheWayToRegenerate() throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/a.conf"), "one\ntwo\n");
        GoldenFiles golden = GoldenFiles.at("demo", dir);
        golden.assertFolderMatches(Map.of("etc/a.conf", "one\ntwo\n"));
        assertThatThrownBy(() -> golden.assertMatches("etc/a.conf", "one\nthree\n"))
                .hasMessageContaining("--- golden/demo/etc/a.conf\n+++ rendered/demo/etc/a.conf\n")
                .hasMessageContaining("-two\n+three\n")
                .hasMessageContaining("-Dvigil.golden.update=true");
        assertThatThrownBy(() -> golden.assertMatches("etc/a.conf", "one\ntwo"))
                .hasMessageContaining("same lines, different bytes");
    }

    @Test
    void aMissingOrStaleFileFails() throws Exception {
        Files.writeString(dir.resolve("old.conf"), "x\n");
        GoldenFiles golden = GoldenFiles.at("demo", dir);
        assertThatThrownBy(() -> golden.assertFolderMatches(Map.of("new.conf", "y\n")))
                .hasMessageContaining("missing golden file " + dir.resolve("new.conf"))
                .hasMessageContaining(dir.resolve("old.conf") + " is no longer rendered");
    }

    @Test
    void updatingWritesTheFolderAnew() throws Exception {
        Files.writeString(dir.resolve("old.conf"), "x\n");
        System.setProperty(GoldenFiles.UPDATE_PROPERTY, "true");
        try {
            GoldenFiles.at("demo", dir).assertFolderMatches(Map.of("sub/new.conf", "y\n"));
        } finally {
            System.clearProperty(GoldenFiles.UPDATE_PROPERTY);
        }
        assertThat(dir.resolve("old.conf")).doesNotExist();
        assertThat(dir.resolve("sub/new.conf")).hasContent("y");
        GoldenFiles.at("demo", dir).assertFolderMatches(Map.of("sub/new.conf", "y\n"));
    }
}
