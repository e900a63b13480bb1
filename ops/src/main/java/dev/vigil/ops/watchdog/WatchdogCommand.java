package dev.vigil.ops.watchdog;

import picocli.CommandLine.Command;

/** {@code ops watchdog}: the load-balancer watchdog (see docs/watchdog.md). */
@Command(name = "watchdog",
        description = {"Probe every load balancer from outside (HTTPS to each address, with the public name's SNI, "
                + "Host and certificate) and take a failing one's A/AAAA records out of DNS until it recovers. "
                + "The last healthy balancer is never removed; when all fail, DNS stays as it is and an alert goes "
                + "out.",
                "Reads the inventory: hosts with role lb, domains.app and domains.ping, roles.watchdog."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {WatchdogRunCommand.class, WatchdogOnceCommand.class, WatchdogStatusCommand.class},
        footer = {"", "Environment (secrets never go in the inventory):",
                "  " + WatchdogSetup.TSIG_SECRET + "       base64 secret of the TSIG key (dns kind rfc2136)",
                "  " + WatchdogSetup.CLOUDFLARE_TOKEN + "  API token with Zone / DNS / Edit (dns kind cloudflare)",
                "",
                "Exit status: 0 fine, 1 unhealthy or the work failed, 2 bad usage or settings.",
                "Details: docs/watchdog.md"})
public final class WatchdogCommand {
}
