package dev.vigil.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns of text for the terminal, the one table printer of the ops tools: each column as wide as its widest cell
 * (or its minimum width), columns two spaces apart (or another gap), numbers right-aligned where asked, the last
 * column never padded and no line ending in spaces. Lines end with {@code \n}.
 */
public final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();
    private boolean[] right = new boolean[0];
    private int[] minWidths = new int[0];
    private String gap = "  ";

    private TextTable() {
    }

    /** A table whose first row is {@code header}. */
    public static TextTable withHeader(String... header) {
        return new TextTable().row(header);
    }

    /** A table without a header row. */
    public static TextTable withoutHeader() {
        return new TextTable();
    }

    /** Left-aligned columns, two spaces apart; the first row is usually the header. */
    public static String render(List<List<String>> rows) {
        TextTable table = new TextTable();
        rows.forEach(table::row);
        return table.render();
    }

    /** Right-aligns the given columns (0-based), for numbers and sizes. */
    public TextTable alignRight(int... columns) {
        for (int c : columns) {
            if (c >= right.length) {
                right = Arrays.copyOf(right, c + 1);
            }
            right[c] = true;
        }
        return this;
    }

    /** The least width of the first columns, so that tables printed one row at a time line up. */
    public TextTable minWidths(int... widths) {
        minWidths = widths.clone();
        return this;
    }

    /** What goes between two columns (two spaces unless set). */
    public TextTable gap(String between) {
        gap = between;
        return this;
    }

    public TextTable row(String... cells) {
        return row(List.of(cells));
    }

    public TextTable row(List<String> cells) {
        if (!rows.isEmpty() && cells.size() != rows.get(0).size()) {
            throw new IllegalArgumentException("row of " + cells.size() + " cells in a table of "
                    + rows.get(0).size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public String render() {
        if (rows.isEmpty()) {
            return "";
        }
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (int i = 0; i < columns; i++) {
            width[i] = i < minWidths.length ? minWidths[i] : 0;
        }
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                boolean last = i == columns - 1;
                String pad = " ".repeat(width[i] - cell.length());
                if (i < right.length && right[i]) {
                    line.append(pad).append(cell);
                } else {
                    line.append(cell).append(last ? "" : pad);
                }
                if (!last) {
                    line.append(gap);
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
