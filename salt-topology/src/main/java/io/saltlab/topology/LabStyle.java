package io.saltlab.topology;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: generated classes stay package-private behind each value
 * type's {@code builder()}, builders are strict (an attribute is set once) and redacted attributes
 * print as {@code ****}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    redactedMask = "****",
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false))
public @interface LabStyle {}
