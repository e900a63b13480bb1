package dev.vigil.app.ping;

/**
 * What the keyword filter reads of an email ping: the decoded subject, and the body as text (the plain-text part,
 * then the HTML part as text), taken from the whole message as received (up to the SMTP size limit), not only from
 * the part of it that is kept as the ping's body.
 */
public record MailContent(String subject, String text) {
}
