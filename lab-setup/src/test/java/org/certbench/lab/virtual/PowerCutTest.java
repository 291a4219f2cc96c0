package org.certbench.lab.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebooting container loses its power for real: the container is killed and started again, its services gone
 * while it is off and back afterwards, on the address its profile names. Fails under CI when no engine answers.
 */
class PowerCutTest {

    @TempDir
    Path dir;

    @Test
    void aRebootingContainerGoesDarkAndComesBackOnTheSameAddress() throws Exception {
        Tools.requireThat(ContainerBench.engineReachable() && ContainerBench.imagePresent(),
                "no container engine with " + ContainerBench.IMAGE + " (run lab-setup/install.sh and export what it prints)");
        try (ContainerBench bench = ContainerBench.startHostile(List.of(Hostility.REBOOTING, Hostility.SILENT), dir)) {
            String rebooting = bench.addresses().get(Hostility.REBOOTING.variant());
            String silent = bench.addresses().get(Hostility.SILENT.variant());
            assertThat(java.nio.file.Files.readString(bench.profile(Hostility.REBOOTING))).contains("host: " + rebooting);

            // Watch its HTTPS port through two power cuts: open, then not (the host is gone), then open again.
            List<Boolean> seen = new ArrayList<>();
            Instant until = Instant.now().plus(ContainerBench.POWER_ON.plus(ContainerBench.POWER_OFF).multipliedBy(2).plusSeconds(6));
            while (Instant.now().isBefore(until) && bench.powerCuts().size() < 2) {
                boolean open = DeviceClients.open(rebooting, Variant.HTTPS);
                if (seen.isEmpty() || seen.get(seen.size() - 1) != open) {
                    seen.add(open);
                }
                Thread.sleep(200);
            }
            // Back from the last cut (its services take a moment to start).
            Instant back = Instant.now().plusSeconds(10);
            while (!DeviceClients.open(rebooting, Variant.HTTPS) && Instant.now().isBefore(back)) {
                Thread.sleep(200);
            }
            if (!seen.get(seen.size() - 1)) {
                seen.add(DeviceClients.open(rebooting, Variant.HTTPS));
            }

            assertThat(bench.powerCuts()).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(cut -> assertThat(Duration.between(cut.off(), cut.on())).isGreaterThanOrEqualTo(ContainerBench.POWER_OFF))
                    .allSatisfy(cut -> assertThat(cut.device()).isEqualTo(Hostility.REBOOTING.variant().deviceId()));
            assertThat(seen).as("HTTPS of the rebooting device, each change").startsWith(true, false, true);
            assertThat(DeviceClients.open(rebooting, Variant.HTTPS)).as("back on " + rebooting).isTrue();
            // the other device's power is never cut
            assertThat(DeviceClients.open(silent, Variant.HTTPS)).isTrue();
        }
    }
}
