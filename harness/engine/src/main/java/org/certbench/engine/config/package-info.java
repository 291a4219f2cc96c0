/**
 * Every configuration parameter of certbench, declared once with its type, default and description
 * ({@link org.certbench.engine.config.CertbenchConfig}); the CLI, Surefire and IDEs set the same keys.
 */
@NullMarked
package org.certbench.engine.config;

import org.jspecify.annotations.NullMarked;
