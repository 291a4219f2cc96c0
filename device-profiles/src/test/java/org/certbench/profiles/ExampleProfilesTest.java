package org.certbench.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.certbench.engine.input.InputProblem;
import org.certbench.engine.input.InvalidInputException;
import org.certbench.engine.input.ProfileLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExampleProfilesTest {

    static Stream<Path> examples() throws Exception {
        List<Path> files = Stream.concat(Files.list(Path.of("examples")), Files.list(Path.of("virtual")))
                .filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        assertThat(files).hasSizeGreaterThan(8);
        return files.stream();
    }

    static Stream<Path> broken() throws Exception {
        List<Path> files = Files.list(Path.of("examples/broken")).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsAValidProfile(Path example) throws Exception {
        assertThat(ProfileLoader.load(example).dut().id()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("broken")
    void everyBrokenExampleReportsExactlyWhatItsCommentsExpect(Path example) throws Exception {
        List<String> expected = Files.readAllLines(example).stream().filter(l -> l.startsWith("# expect: "))
                .map(l -> example + ":" + l.substring("# expect: ".length())).toList();
        assertThat(expected).isNotEmpty();
        assertThatThrownBy(() -> ProfileLoader.load(example)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            List<String> reported = e.problems().stream().map(InputProblem::toString).toList();
            assertThat(reported).hasSameSizeAs(expected);
            for (String expectation : expected) {
                assertThat(reported).anyMatch(r -> r.startsWith(expectation));
            }
        });
    }
}
