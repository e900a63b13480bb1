/**
 * The fleet commands (provision, exec, hosts, hosts trust): thin picocli classes over the provisioning workflows.
 */
package dev.vigil.ops.provision;
