package dev.codetracer.maven;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.jvm.JvmRecorder;
import dev.codetracer.core.record.Recorders;
import dev.codetracer.core.record.RecordingSession;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.rr.RrRecorder;
import dev.codetracer.maven.surefire.ArgLine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * One recorded run of the module's main program: {@code java [jvmArgs] -cp <runtime class path>
 * Main args...} in the module's directory, through core's {@link RecordingSession} (as {@code
 * codetracer record -- java ...} does: the backend's pre-flight, the folder, metadata, index and
 * export).
 *
 * @param mainClass the fully qualified main class, already found on the class path
 * @param args the program's arguments as the user wrote them (split like a shell)
 * @param jvmArgs JVM options, split like a shell
 * @param recorderOptions the JVM recorder's options (ignored by rr)
 * @param exportZip the zip to export to, or null
 * @param exportFolder {@code CODETRACER_EXPORT_RECORD_FOLDER}, or null
 * @param rr the rr executable, or null for the PATH's
 */
record MainProgramRecording(
    String mainClass,
    String args,
    String jvmArgs,
    Path java,
    List<Path> classpath,
    Path workdir,
    Map<String, String> environment,
    String backend,
    String recorderOptions,
    Path outputDirectory,
    boolean export,
    Path exportFolder,
    boolean register,
    Path rr) {

  List<String> command() throws MojoFailureException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    try {
      command.addAll(ArgLine.split(jvmArgs));
      command.add("-cp");
      command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
      command.add(mainClass);
      command.addAll(ArgLine.split(args));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("codetracer.args or codetracer.jvmArgs cannot be read: " + e.getMessage());
    }
    return command;
  }

  /** Records the run; the recording's folder is {@code <outputDirectory>/<SimpleName>-<8 hex>}. */
  RecordingSession.Result record(Path agentJar) throws MojoExecutionException, MojoFailureException {
    List<String> command = command();
    String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    Path folder = outputDirectory.resolve(simpleName + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt()));
    RecordingSession.Options options =
        new RecordingSession.Options(
            backend,
            folder,
            export ? folder.resolveSibling(folder.getFileName() + ".zip") : null,
            exportFolder,
            TraceFormat.JSON,
            rr,
            RecordMojo.RR_PROPERTY,
            false,
            backend.equals(JvmRecorder.NAME) ? recorderOptions : null,
            register);
    RecordingSession session =
        new RecordingSession(new Recorders(List.of(new JvmRecorder(), new RrRecorder())), LocalRecordings.fromEnvironment(), ProgressListener.NONE);
    try {
      Files.createDirectories(outputDirectory);
      return AgentJarProperty.with(agentJar, () -> session.record(command, workdir, environment, options));
    } catch (CodeTracerException e) {
      throw new MojoFailureException("cannot record " + mainClass + " with the " + backend + " backend: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while recording " + mainClass, e);
    } catch (Exception e) {
      throw new MojoExecutionException("recording " + mainClass + " failed: " + e.getMessage(), e);
    }
  }
}
