/**
 * Reading what a user gives certbench: device profiles and bench files in YAML, validated against
 * their JSON Schemas, with every problem reported as {@code file:line:column: field: message}
 * ({@link org.certbench.engine.input.InputProblem}). Nothing here touches a device.
 */
@NullMarked
package org.certbench.engine.input;

import org.jspecify.annotations.NullMarked;
