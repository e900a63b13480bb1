package dev.vigil.table;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndTheLastIsNotPadded() {
        assertThat(TextTable.render(List.of(List.of("NAME", "ROLES", "OS"), List.of("app1", "app,db", ""),
                List.of("lb-long", "lb", "Debian 12")))).isEqualTo("""
                NAME     ROLES   OS
                app1     app,db
                lb-long  lb      Debian 12
                """);
    }

    @Test
    void rightAlignedColumnsAndMinimumWidths() {
        String table = TextTable.withHeader("KEY", "SIZE", "STATE").alignRight(1).minWidths(6)
                .row("a", "512 B", "ok").row("bb", "1.5 KiB", "missing").render();
        assertThat(table).isEqualTo("""
                KEY        SIZE  STATE
                a         512 B  ok
                bb      1.5 KiB  missing
                """);
    }

    @Test
    void aRowPrintedAloneLinesUpWithAGivenWidthAndGap() {
        assertThat(TextTable.withoutHeader().gap(" ").minWidths(12).row("ok", "task").render())
                .isEqualTo("ok           task\n");
        assertThat(TextTable.withoutHeader().gap(" ").minWidths(12).row("would change", "task").render())
                .isEqualTo("would change task\n");
    }

    @Test
    void aRowOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> TextTable.withHeader("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells in a table of 2");
    }
}
