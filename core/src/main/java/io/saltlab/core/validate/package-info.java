/**
 * Validation of Kubernetes manifests for a target Kubernetes version.
 *
 * <p>{@link io.saltlab.core.validate.ManifestValidator} is the entry point: it checks documents
 * strictly against the JSON Schema bundled for the target (converted from the Kubernetes OpenAPI
 * documents by {@link io.saltlab.core.validate.SchemaConverter}; see {@link
 * io.saltlab.core.validate.BundledSchemas} for the versions) and across objects, and returns a
 * {@link io.saltlab.core.validate.ValidationReport} of {@link io.saltlab.core.validate.Problem}s.
 * Nothing is fetched at run time, and Secret payloads never appear in a report.
 */
package io.saltlab.core.validate;
