package org.certbench.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.certbench.engine.input.AnswersFile;
import org.certbench.engine.input.BenchLoader;
import org.certbench.engine.input.InvalidInputException;
import org.certbench.engine.input.ProfileLoader;

/**
 * Fuzzes what reads a lab's files: device profiles, bench files and answers files. Any input must load or be
 * refused with an {@link InvalidInputException} naming the file; anything else (a parser's own exception, a
 * stack overflow, a hang) is a finding, kept as a seed below {@code src/test/resources} to stay a regression test.
 * Without {@code JAZZER_FUZZ} these run the seeds only; {@code scripts/fuzz.sh} fuzzes each for longer.
 */
class InputFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void profiles(byte[] input) throws IOException {
        load(input, ProfileLoader::load);
    }

    @FuzzTest(maxDuration = "30s")
    void benches(byte[] input) throws IOException {
        load(input, BenchLoader::load);
    }

    @FuzzTest(maxDuration = "30s")
    void answers(byte[] input) throws IOException {
        load(input, AnswersFile::load);
    }

    /** One of the loaders. */
    private interface Loader {
        Object load(Path file) throws InvalidInputException;
    }

    private static void load(byte[] input, Loader loader) throws IOException {
        Path file = write(input);
        try {
            loader.load(file);
        } catch (InvalidInputException refused) {
            named(refused, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path write(byte[] input) throws IOException {
        Path file = Files.createTempFile("certbench-fuzz", ".yaml");
        Files.write(file, input);
        return file;
    }

    private static void named(InvalidInputException refused, Path file) {
        if (refused.problems().isEmpty() || !refused.getMessage().contains(file.toString())) {
            throw new AssertionError("a refusal that does not name the file: " + refused.getMessage());
        }
    }
}
