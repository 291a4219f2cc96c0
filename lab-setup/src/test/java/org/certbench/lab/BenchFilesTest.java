package org.certbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.certbench.api.Bench;
import org.certbench.engine.input.BenchLoader;
import org.certbench.engine.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFilesTest {

    @Test
    void theShippedBenchesLoad() throws Exception {
        Bench local = BenchLoader.load(Path.of("benches/local.yaml"));
        assertThat(local.lab()).isEqualTo("local bench");
        assertThat(local.harnessAddress()).isEqualTo("127.0.0.1");

        Bench pi = BenchLoader.load(Path.of("benches/raspberry-pi-bench.yaml"));
        assertThat(pi.accreditation()).isEqualTo("ISO/IEC 17025 certificate 1234.01");
        assertThat(pi.serialPort("uart1")).contains("telnet://192.168.50.2:3001");
        assertThat(pi.outlet("plug-a")).contains("tasmota+http://192.168.50.20");
    }

    @Test
    void aBadBenchNamesLineAndField(@TempDir Path dir) throws Exception {
        Path bench = dir.resolve("bench.yaml");
        Files.writeString(bench, """
                certbench-bench: 1
                lab: { name: bench }
                serial-ports:
                  uart0: COM3
                outlest: {}
                """);
        assertThatThrownBy(() -> BenchLoader.load(bench)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(Object::toString).containsExactly(
                        bench + ":4:10: serial-ports.uart0: 'COM3' is not a local device path (/dev/ttyUSB0, or a pty such as socat makes), "
                                + "telnet://host:port (ser2net) or rfc2217://host:port",
                        bench + ":5:1: outlest: unknown key 'outlest'; did you mean 'outlets'?"));
    }
}
