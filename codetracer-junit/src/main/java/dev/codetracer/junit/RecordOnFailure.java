package dev.codetracer.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Leaves a CodeTracer recording of every failing test of the annotated class or method, under
 * {@code target/codetracer/}, and prints one line per recording with the command that opens it.
 *
 * <p>When the JVM recorder is loaded in the test JVM ({@code -javaagent:codetracer-agent.jar=start=api},
 * which {@code codetracer-maven-plugin}'s agent goal adds), each test is recorded while it runs
 * and only the recordings of failures are kept ({@code retain} mode). Otherwise a failed test is
 * run again, alone, in a fresh JVM under the recorder ({@code rerun} mode), and the recording says
 * whether the failure reproduced. Recording never changes a test's outcome.
 *
 * <p>Settings are {@code codetracer.*} configuration parameters: see the module's README.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RecordOnFailureExtension.class)
public @interface RecordOnFailure {}
