/**
 * The test kit: golden files on ApprovalTests ({@link io.saltlab.golden.Golden}) for rendered labs.
 * Add {@code io.saltlab:saltlab-golden} with test scope.
 */
package io.saltlab.golden;
