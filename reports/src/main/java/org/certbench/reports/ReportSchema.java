package org.certbench.reports;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a {@code report.json} against {@code reports/schema/report.schema.json}, the published form of
 * the report that reviewers' own tools can rely on.
 *
 * <pre>{@code
 * List<String> problems = ReportSchema.check(bundle.resolve("report.json"));
 * // ["report.json: /devices/0/overall: does not have a value in the enumeration [...]"]
 * }</pre>
 */
public final class ReportSchema {

    /** The schema's file name, in {@code reports/schema/} and in this package's resources. */
    public static final String FILE_NAME = "report.schema.json";

    private static final Schema SCHEMA;

    static {
        try (InputStream in = ReportSchema.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException(FILE_NAME + " is missing from the reports jar");
            }
            SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JsonMapper.shared().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads with duplicate keys refused: parsers differ on which of two same-named keys wins, so a report with
     * a verdict twice could show one verdict to a reviewer's tool and another to certbench (found by fuzzing).
     */
    private static final JsonMapper STRICT = JsonMapper.builder().enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ReportSchema() {
    }

    /** Every way the file departs from the schema, each as {@code report.json: /json/pointer: message}; empty when valid. */
    public static List<String> check(Path reportFile) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(reportFile.toFile());
        } catch (JacksonException e) {
            return List.of(reportFile.getFileName() + ": not valid JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        List<Error> errors;
        try {
            errors = SCHEMA.validate(tree);
        } catch (RuntimeException e) {
            return List.of(reportFile.getFileName() + ": cannot be checked against its schema: " + e.getMessage());
        }
        for (Error error : errors) {
            String where = String.valueOf(error.getInstanceLocation());
            problems.add(reportFile.getFileName() + ": " + (where.isEmpty() ? "/" : where) + ": " + error.getMessage());
        }
        return problems;
    }
}
