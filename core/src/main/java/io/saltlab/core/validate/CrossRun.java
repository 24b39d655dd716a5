package io.saltlab.core.validate;

import java.util.List;

/**
 * One task of the cross-object pass: the shared, read-only index, and the list this task reports
 * into (one per object or pod template, so that tasks on different cores never share a list).
 */
final class CrossRun {
  final CrossIndex index;
  final List<Problem> out;

  CrossRun(CrossIndex index, List<Problem> out) {
    this.index = index;
    this.out = out;
  }
}
