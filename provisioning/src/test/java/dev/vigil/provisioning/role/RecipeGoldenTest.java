package dev.vigil.provisioning.role;

import dev.vigil.testsupport.GoldenFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Every file each recipe writes, compared byte for byte with {@code src/test/resources/golden/recipes/FLEET/HOST/}
 * (regenerate: {@code -Dvigil.golden.update=true}, then review the diff).
 */
class RecipeGoldenTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"full, app1", "full, app2", "full, db1", "full, db2", "full, lb1",
            "plain, lb1", "plain, app1", "plain, db1"})
    void filesAreTheGoldenOnes(String fleet, String host) throws IOException {
        TestFleet f = fleet.equals("full") ? TestFleet.full(dir) : TestFleet.plain(dir);
        GoldenFiles.in("recipes/" + fleet + "/" + host).assertFolderMatches(RecipeFiles.of(f.recipe(host)));
    }
}
