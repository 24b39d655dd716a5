/**
 * Validation of Kubernetes manifests for a target Kubernetes version.
 *
 * <p>{@link io.saltlab.core.validate.ManifestValidator} is the entry point: it checks documents
 * strictly against the JSON Schema bundled for the target (converted at build time from the
 * Kubernetes OpenAPI documents by the schema-tools module; {@link
 * io.saltlab.core.validate.ManifestValidator#schemaVersions()} lists the versions) and across
 * objects, and returns a {@link io.saltlab.core.validate.ValidationReport} of {@link
 * io.saltlab.core.validate.Problem}s. Nothing is fetched at run time, and Secret payloads never
 * appear in a report.
 */
package io.saltlab.core.validate;
