package io.saltlab.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What a running command talks to: the environment a lab spec may read secrets from, and the two
 * streams.
 *
 * @param environment the variables a lab spec may read secrets from
 * @param out where results go
 * @param err where notes, errors and hints go
 */
record CliContext(Map<String, String> environment, PrintWriter out, PrintWriter err) {}
