package dev.vigil.provisioning.inventory;

/** A place in the inventory file, 1-based, for error messages an operator can jump to. */
public record Location(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
