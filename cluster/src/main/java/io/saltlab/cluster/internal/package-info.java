/**
 * Helpers of the cluster bootstrap, not API: the strict template mechanism ({@link
 * io.saltlab.cluster.internal.Template}, {@link io.saltlab.cluster.internal.TemplateValues}) that
 * fills the Vagrantfile, scripts and notes kept as real files under {@code
 * src/main/resources/io/saltlab/cluster/templates/}.
 */
package io.saltlab.cluster.internal;
