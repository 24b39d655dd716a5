/**
 * Changing translated objects beyond a typed model, before they are validated: typed fabric8 edits
 * and visitors, JSON and strategic-merge patches, extra objects ({@link
 * io.saltlab.core.customize.Customizations}), each selecting its object by kind and name ({@link
 * io.saltlab.core.customize.Target}). Kubernetes-generic: it knows objects, not labs.
 */
package io.saltlab.core.customize;
