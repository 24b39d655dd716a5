/**
 * Lab spec files: a lab described in YAML instead of Java, read strictly by {@link
 * io.saltlab.topology.spec.LabSpec}.
 */
package io.saltlab.topology.spec;
