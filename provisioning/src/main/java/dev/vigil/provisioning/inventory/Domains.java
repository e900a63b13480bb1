package dev.vigil.provisioning.inventory;

/** The public names: the web app and API, and the ping endpoint clients call. */
public record Domains(String app, String ping) {
}
