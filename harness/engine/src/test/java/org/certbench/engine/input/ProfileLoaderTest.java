package org.certbench.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.certbench.api.Dut;
import org.certbench.api.Feature;
import org.certbench.api.dut.Support;
import org.certbench.api.dut.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            certbench: 1
            device: { id: acme-t1-0042, manufacturer: ACME, model: T1 Thermostat, firmware: 2.4.1 }
            interfaces:
              network:
                host: 127.0.0.2
                ports:
                  - { port: 443, transport: tcp, service: https }
                  - { port: 5684, transport: udp, service: coaps }
              mqtt:   { port: 8883, tls: true }
              coap:   { port: 5684, security: psk }
              http:   { port: 443, tls: true }
              serial: { port: uart0 }
            credentials:
              owner: { username: owner, password: env:CERTBENCH_TEST_SECRET }
            features: { passwords: true, debug-interfaces: false }
            ics:
              etsi-en-303-645:
                5.1-1: { support: yes }
                5.3-14: { support: n/a, justification: software is updateable }
            ixit:
              1-AuthMech: { passwords: user-set-at-setup }
            """;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void theContractProfileLoadsIntoTypedValues() throws Exception {
        Dut dut = ProfileLoader.load(write("acme.yaml", VALID)).dut();

        assertThat(dut.id()).isEqualTo("acme-t1-0042");
        assertThat(dut.identity().firmware()).isEqualTo("2.4.1");
        assertThat(dut.interfaces().network().orElseThrow().declaredPorts(Transport.TCP)).containsExactly(443);
        assertThat(dut.interfaces().network().orElseThrow().declaredPorts(Transport.UDP)).containsExactly(5684);
        assertThat(dut.interfaces().serialPort()).contains("uart0");
        assertThat(dut.ics().entry("etsi-en-303-645", "5.1-1").orElseThrow().support()).isEqualTo(Support.YES);
        assertThat(dut.ics().entry("etsi-en-303-645", "5.3-14").orElseThrow().support()).isEqualTo(Support.NOT_APPLICABLE);
        assertThat(dut.ixit().text("1-AuthMech", "passwords")).contains("user-set-at-setup");
        assertThat(dut.feature(Feature.DEBUG_INTERFACES)).contains(false);
        assertThat(dut.feature(Feature.TELEMETRY)).isEmpty();
        assertThat(dut.credentials().get("owner").orElseThrow().password().toString()).isEqualTo("***");
    }

    @Test
    void aMisspeltKeyIsNamedWithLineColumnAndTheNearestValidKey() throws Exception {
        Path file = write("typo.yaml", VALID.replace("{ id: acme-t1-0042,", "{ idd: acme-t1-0042,"));

        assertThatThrownBy(() -> ProfileLoader.load(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::toString)
                        .contains(file + ":2:11: device.idd: unknown key 'idd'; did you mean 'id'?",
                                file + ":2:9: device: missing required key 'id'"));
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatWasExpected() throws Exception {
        Path file = write("type.yaml", VALID.replace("{ port: 443, transport: tcp", "{ port: https, transport: tcp"));

        assertThatThrownBy(() -> ProfileLoader.load(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.line()).isEqualTo(7);
                            assertThat(p.field()).isEqualTo("interfaces.network.ports[0].port");
                            assertThat(p.message()).contains("expected integer").contains("https");
                        }));
    }

    @Test
    void aLiteralPasswordIsRefused() throws Exception {
        Path file = write("literal.yaml", VALID.replace("env:CERTBENCH_TEST_SECRET", "hunter2"));

        assertThatThrownBy(() -> ProfileLoader.load(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("credentials.owner.password");
                            assertThat(p.message()).contains("env:NAME, file:PATH or prompt");
                        }));
    }

    @Test
    void aMissingEnvironmentVariableIsABadInput() throws Exception {
        Path file = write("env.yaml", VALID.replace("env:CERTBENCH_TEST_SECRET", "env:CERTBENCH_SURELY_UNSET_VARIABLE"));

        assertThatThrownBy(() -> ProfileLoader.load(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).endsWith(
                                "credentials.owner.password: environment variable CERTBENCH_SURELY_UNSET_VARIABLE is not set")));
    }

    @Test
    void duplicateKeysAndMissingJustificationsAreReported() throws Exception {
        Path duplicate = write("dup.yaml", VALID.replace("features: {", "features: { passwords: false,"));
        assertThatThrownBy(() -> ProfileLoader.load(duplicate))
                .hasMessageContaining("features.passwords: duplicate key 'passwords'");

        Path unjustified = write("ics.yaml", VALID.replace("{ support: n/a, justification: software is updateable }", "{ support: n/a }"));
        assertThatThrownBy(() -> ProfileLoader.load(unjustified))
                .hasMessageContaining("ics.etsi-en-303-645.5.3-14: support 'n/a' needs a justification");
    }

    @Test
    void yamlOneOneBooleansStayText() throws Exception {
        // Under YAML 1.1 "support: no" would be a boolean and fail the enum.
        Path file = write("no.yaml", VALID.replace("5.1-1: { support: yes }", "5.1-1: { support: no, justification: none }"));
        assertThat(ProfileLoader.load(file).dut().ics().entry("etsi-en-303-645", "5.1-1").orElseThrow().support())
                .isEqualTo(Support.NO);
    }

    @Test
    void brokenFilesNameTheFileAndPlace() throws Exception {
        assertThatThrownBy(() -> ProfileLoader.load(dir.resolve("missing.yaml"))).hasMessageEndingWith("missing.yaml: no such file");
        Path garbage = dir.resolve("garbage.yaml");
        Files.write(garbage, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> ProfileLoader.load(garbage)).hasMessageEndingWith("garbage.yaml:1:4: is not valid UTF-8");
        Path unclosed = write("unclosed.yaml", "certbench: 1\ndevice: { id: x\n");
        assertThatThrownBy(() -> ProfileLoader.load(unclosed)).hasMessageContaining("unclosed.yaml:3:1: not valid YAML");
        Path bomb = write("bomb.yaml", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n");
        assertThatThrownBy(() -> ProfileLoader.load(bomb)).isInstanceOf(InvalidInputException.class).hasMessageContaining("bomb.yaml");
    }
}
