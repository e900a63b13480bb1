package dev.vigil.provisioning.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local mail relay: Postfix as a null client that accepts mail from this machine only, delivers nothing
 * locally and hands everything to the provider over TLS (with the provider's login when there is one), keeping
 * what cannot be sent in its queue for up to five days. Renders {@code main.cf} and {@code sasl_passwd}.
 */
public record PostfixNullClient(String hostName, String relayHost, int relayPort, Optional<Login> login) {

    public static final String SASL_PASSWORDS = "/etc/postfix/sasl_passwd";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]+");

    public PostfixNullClient {
        for (String h : new String[]{hostName, relayHost}) {
            if (!HOST.matcher(h).matches()) {
                throw new IllegalArgumentException("not a host name: \"" + h + "\"");
            }
        }
        if (relayPort < 1 || relayPort > 65535) {
            throw new IllegalArgumentException("not a port: " + relayPort);
        }
    }

    /** The provider's login; the password is one line and never rendered anywhere but {@link #saslPasswords()}. */
    public record Login(String user, String password) {

        public Login {
            if (user.isEmpty() || user.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("the SMTP user must be one word");
            }
            if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("the SMTP password must be one line");
            }
        }

        @Override
        public String toString() {
            return "Login[" + user + "]";
        }
    }

    /** {@code [host]:port}: the brackets turn off MX lookups, the provider's name is the server. */
    String relay() {
        return "[" + relayHost + "]:" + relayPort;
    }

    public String mainCf() {
        StringBuilder b = new StringBuilder("""
                # Written by 'ops provision': a null client relaying to the mail provider.
                compatibility_level = 3.6
                myhostname = %s
                myorigin = $myhostname
                inet_interfaces = loopback-only
                inet_protocols = all
                mydestination =
                mynetworks = 127.0.0.0/8 [::1]/128
                local_transport = error:local delivery is disabled
                relayhost = %s
                smtp_tls_security_level = encrypt
                maximal_queue_lifetime = 5d
                """.formatted(hostName, relay()));
        if (login.isPresent()) {
            b.append("""
                    smtp_sasl_auth_enable = yes
                    smtp_sasl_security_options = noanonymous
                    smtp_sasl_password_maps = texthash:%s
                    """.formatted(SASL_PASSWORDS));
        }
        return b.toString();
    }

    /** The login for the relay, when there is one. */
    public Optional<String> saslPasswords() {
        return login.map(l -> relay() + " " + l.user() + ":" + l.password() + "\n");
    }
}
