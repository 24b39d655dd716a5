/**
 * How customizations are applied: RFC 6902 JSON patches and pointers, strategic merges, fabric8
 * conversions, bounded YAML reading. Not API: use {@link io.saltlab.core.customize}.
 */
package io.saltlab.core.internal.customize;
