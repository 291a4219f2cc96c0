package org.certbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.certbench.reports.Manifest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The manifest of a bundle of 64 MiB of evidence in 16 files: the SHA-256 pass that signing and
 * verification both make. Run with {@code java -cp … org.openjdk.jmh.Main ManifestBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ManifestBenchmark {

    private Path bundle;

    @Setup(Level.Trial)
    public void writeEvidence() throws IOException {
        bundle = Files.createTempDirectory("certbench-manifest-bench");
        Files.createDirectories(bundle.resolve("evidence"));
        byte[] block = new byte[4 << 20];
        new Random(1).nextBytes(block);
        for (int i = 0; i < 16; i++) {
            Files.write(bundle.resolve("evidence").resolve("capture-" + i + ".bin"), block);
        }
    }

    @Benchmark
    public byte[] manifestOf64MiB() throws IOException {
        return Manifest.write(bundle);
    }

    @TearDown(Level.Trial)
    public void deleteEvidence() throws IOException {
        try (var files = Files.walk(bundle)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
