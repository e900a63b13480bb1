package dev.vigil.provisioning.run;

import dev.vigil.provisioning.remote.RemoteHost;

/** Work for one host; returns its report and never throws (failures go into the report). */
@FunctionalInterface
public interface HostJob {
    HostReport run(RemoteHost host);
}
