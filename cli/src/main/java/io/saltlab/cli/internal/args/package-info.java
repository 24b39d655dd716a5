/**
 * The command line's own argument parser: declarations ({@link
 * io.saltlab.cli.internal.args.Option}, {@link io.saltlab.cli.internal.args.OptionGroup}, {@link
 * io.saltlab.cli.internal.args.Parameters}, {@link io.saltlab.cli.internal.args.CommandSpec}) from
 * which both the parsing ({@link io.saltlab.cli.internal.args.ArgParser}) and the {@code --help}
 * text ({@link io.saltlab.cli.internal.args.HelpText}) are made.
 *
 * <p>It replaces a general-purpose parsing library whose reflective start-up (179 classes, about 85
 * ms and a class-data archive it could not join) cost more than the rest of a small render's
 * argument handling; these few classes load in a millisecond or two.
 *
 * <p>Adding an option is one declaration where it belongs, then reading it where it is used:
 *
 * <pre>{@code
 * // in TargetOptions (render and check) or in one command's class
 * static final Option<Boolean> STRICT =
 *     OPTIONS.add(Option.flag("Treat warnings as problems.", "--strict"));
 * // in the command
 * boolean strict = args.get(TargetOptions.STRICT);
 * }</pre>
 *
 * <p>Then update the expected help texts under {@code cli/src/test/resources/help/} (the test that
 * compares them writes the new text under {@code cli/target/help-actual/}).
 */
package io.saltlab.cli.internal.args;
