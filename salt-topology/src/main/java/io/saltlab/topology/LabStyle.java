package io.saltlab.topology;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: generated classes stay package-private behind each value
 * type's {@code builder()}, every builder has {@code from(value)} (start from an existing value and
 * change what differs: a later call replaces what {@code from} copied), and redacted attributes
 * print as {@code ****}.
 *
 * <p>{@code allowedClasspathAnnotations} names only {@code Override}: Immutables would otherwise
 * mark generated classes with its own {@code org.immutables.value.Generated}, an annotation a
 * user's compiler cannot resolve (Immutables is not on their classpath) and warns about under
 * {@code -Xlint:all}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    allowedClasspathAnnotations = {Override.class},
    redactedMask = "****",
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false))
public @interface LabStyle {}
