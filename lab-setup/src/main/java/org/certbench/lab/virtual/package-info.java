/**
 * The virtual devices: reference devices in a secure, a fully flawed and single-flaw variants
 * ({@link org.certbench.lab.virtual.Variant}, {@link org.certbench.lab.virtual.Flaw}), run as
 * containers ({@link org.certbench.lab.virtual.ContainerBench}) or inside the JVM
 * ({@link org.certbench.lab.virtual.InJvmBench}), each bench writing the bench file and the
 * profiles ({@link org.certbench.lab.virtual.VirtualProfiles}) a campaign needs. They make
 * {@code certbench demo} work without hardware and are the harness's own test fixtures. The hostile
 * devices ({@link org.certbench.lab.virtual.HostileBench}, {@link org.certbench.lab.virtual.Hostility})
 * misbehave on purpose, for the reliability tests.
 */
@NullMarked
package org.certbench.lab.virtual;

import org.jspecify.annotations.NullMarked;
