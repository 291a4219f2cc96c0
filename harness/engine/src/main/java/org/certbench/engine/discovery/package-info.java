/**
 * Discovery: reading the inputs (settings, profiles, bench, answers), resolving selectors (class,
 * method, package, class-path root, unique id) into the device × standard × provision × case tree,
 * deciding each case's applicability from the ICS and profile, and reporting every bad input as a
 * discovery issue with file and line. Discovery never opens a connection to a device.
 */
@NullMarked
package org.certbench.engine.discovery;

import org.jspecify.annotations.NullMarked;
