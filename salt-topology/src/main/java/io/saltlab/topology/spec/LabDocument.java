package io.saltlab.topology.spec;

import io.saltlab.topology.SaltLab;
import io.saltlab.topology.spec.internal.SpecDocument;

/**
 * A lab read from a spec file, with the file's checked values: what a module that owns a section of
 * the file (such as {@code cluster:}) reads its section from, through {@link #document()}.
 *
 * @param lab the lab, built and checked
 * @param document the file's checked values; an internal type, for saltlab's own modules: report
 *     problems through its values, then call {@link SpecDocument#check()}
 */
public record LabDocument(SaltLab lab, SpecDocument document) {}
