package dev.vigil.provisioning.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(TextDiff.unified("a", "b", "x\ny\n", "x\ny\n")).isEmpty();
    }

    @Test
    void oneChangedLineWithThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertThat(TextDiff.unified("old", "new", before, after)).isEqualTo("""
                --- old
                +++ new
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    @Test
    void distantChangesMakeSeparateHunks() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
        String after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\n";
        String diff = TextDiff.unified("o", "n", before, after);
        assertThat(diff).contains("@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n d\n");
        assertThat(diff).contains("@@ -9,4 +9,4 @@\n i\n j\n k\n-l\n+L\n");
    }

    @Test
    void newFileIsAllAdditions() {
        assertThat(TextDiff.unified("/dev/null", "f", "", "x\ny\n"))
                .isEqualTo("--- /dev/null\n+++ f\n@@ -1,0 +1,2 @@\n+x\n+y\n");
    }

    @Test
    void emptiedFileIsAllRemovals() {
        assertThat(TextDiff.unified("f", "f", "x\n", "")).isEqualTo("--- f\n+++ f\n@@ -1,1 +1,0 @@\n-x\n");
    }

    @Test
    void aMissingFinalNewlineIsSaid() {
        assertThat(TextDiff.unified("o", "n", "a\nb", "a\nb\n")).endsWith("\\ No newline at end of file (one side)\n");
    }
}
