package dev.vigil.app.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The models of the integrations and badges pages, one record per template (as {@link Views} for the others). */
public final class IntegrationViews {

    private IntegrationViews() {
    }

    /** integrations.jte: the project's channels, the kinds that can be added, and a notice or error (or null). */
    public record Integrations(Chrome chrome, UUID project, List<ChannelLine> channels,
            List<ChannelForms.KindForm> kinds, boolean canChange, String notice, String error) {

        public String base() {
            return "/projects/" + project + "/integrations/";
        }
    }

    /**
     * A channel in the list: {@code summary} never holds a secret in full; {@code lastDelivery} and
     * {@code lastTest} are "sent 3 minutes ago"-style lines or "never".
     */
    public record ChannelLine(UUID id, String name, String kindLabel, String summary, boolean disabled,
            String disabledReason, String lastDelivery, boolean lastDeliveryFailed, String lastTest,
            boolean lastTestFailed, List<String> checks) {
    }

    /**
     * channel-form.jte: adding ({@code channel} null) or editing a channel of one kind, with the values to show
     * (secrets never among them), which secrets are set, and the refusal to show (or null). On edit, the
     * project's checks with whether each uses the channel, and why it is disabled (null when it is not).
     */
    public record ChannelForm(Chrome chrome, UUID project, UUID channel, ChannelForms.KindForm form, String name,
            Map<String, String> values, List<String> secretsSet, String error, List<CheckChoice> checks,
            String disabledReason) {

        public String action() {
            String base = "/projects/" + project + "/integrations/";
            return channel == null ? base + "add/" + form.kind() + "/" : base + channel + "/edit/";
        }

        public String checksAction() {
            return "/projects/" + project + "/integrations/" + channel + "/checks/";
        }

        public String value(ChannelForms.Field f) {
            return values.getOrDefault(f.input(), "");
        }

        public boolean chosen(ChannelForms.Field f, String option) {
            String v = values.get(f.input());
            return v == null ? option.equals(f.options().get(0)) : v.equals(option);
        }

        public boolean isSet(ChannelForms.Field f) {
            return secretsSet.contains(f.path());
        }
    }

    /** A check on a channel's form, ticked when it uses the channel. */
    public record CheckChoice(UUID id, String name, boolean chosen) {
    }

    /** channel-delete.jte: "delete this channel?", with how many checks use it. */
    public record DeleteChannel(Chrome chrome, UUID project, UUID channel, String name, String kindLabel,
            int checks) {

        public String action() {
            return "/projects/" + project + "/integrations/" + channel + "/delete/";
        }
    }

    /** badges.jte: one row per tag, and one for all checks. */
    public record Badges(Chrome chrome, UUID project, List<BadgeRow> rows) {
    }

    /** A tag's badges: the URLs in each format and the snippets that show the SVG one. */
    public record BadgeRow(String tag, String label, String svg, String svg3, String json, String shields,
            String markdown, String html) {
    }

    /** appearance.jte: the choices, the current one, and an error (or null). */
    public record AppearanceForm(Chrome chrome, Appearance current, List<Appearance> choices, String error) {
    }
}
