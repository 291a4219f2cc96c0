package org.certbench.probes.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordlistTest {

    @Test
    void theShippedDefaultsStartWithTheMostCommonAndKeepEmptyPasswords() {
        Wordlist defaults = Wordlist.vendorDefaults();

        assertThat(defaults.entries()).hasSizeGreaterThan(60);
        assertThat(defaults.entries().get(0)).isEqualTo(UserPass.of("admin", "admin"));
        assertThat(defaults.entries()).contains(UserPass.of("admin", ""), UserPass.of("root", "xc3511"), UserPass.of("pi", "raspberry"));
    }

    @Test
    void aLabsOwnListIsAddedAfterTheDefaultsWithoutRepeats(@TempDir Path dir) throws Exception {
        Path lab = dir.resolve("lab.txt");
        Files.writeString(lab, "# our vendor's installer defaults\nacme:acme2024\nadmin:admin\ninstaller:\n");
        Wordlist combined = Wordlist.vendorDefaults().with(Wordlist.load(lab));

        assertThat(combined.entries()).endsWith(UserPass.of("acme", "acme2024"), UserPass.of("installer", ""));
        assertThat(combined.entries().stream().filter(c -> c.equals(UserPass.of("admin", "admin")))).hasSize(1);
        assertThat(UserPass.of("acme", "acme2024").toString()).isEqualTo("acme/***");
    }
}
