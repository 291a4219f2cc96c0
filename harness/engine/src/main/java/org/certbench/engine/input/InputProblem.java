package org.certbench.engine.input;

import java.nio.file.Path;

/**
 * One thing wrong with a user's input file, located to the line and column, with the field path.
 *
 * <pre>{@code
 * problem.toString() // "acme.yaml:4:3: device.idd: unknown key 'idd'; did you mean 'id'?"
 * }</pre>
 *
 * @param file the file
 * @param line 1-based line, 0 when the problem is the whole file
 * @param column 1-based column, 0 when unknown
 * @param field dotted path of the field ({@code interfaces.network.ports[1].port}); empty for the file
 * @param message what is wrong and, where possible, how to fix it
 */
public record InputProblem(Path file, int line, int column, String field, String message) {

    /** A problem with the file as a whole (missing, unreadable, too large). */
    public static InputProblem ofFile(Path file, String message) {
        return new InputProblem(file, 0, 0, "", message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file.toString());
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
