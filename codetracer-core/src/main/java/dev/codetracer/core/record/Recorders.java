package dev.codetracer.core.record;

import dev.codetracer.core.CodeTracerException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The recorders available in this build, and the choice among them for {@code --backend}. */
public final class Recorders {
  public static final String AUTO = "auto";

  private final List<Recorder> recorders;

  public Recorders(List<Recorder> recorders) {
    this.recorders = List.copyOf(recorders);
  }

  public static Recorders installed() {
    List<Recorder> found = new ArrayList<>();
    ServiceLoader.load(Recorder.class, Recorders.class.getClassLoader()).forEach(found::add);
    return new Recorders(found);
  }

  public List<String> names() {
    return recorders.stream().map(Recorder::name).collect(Collectors.toList());
  }

  /**
   * The recorder for a {@code --backend} value; {@code auto} picks the one that handles the
   * command.
   */
  public Recorder choose(String backend, List<String> command) {
    if (backend == null || backend.equals(AUTO)) {
      return recorders.stream()
          .filter(r -> r.handles(command))
          .findFirst()
          .orElseThrow(() -> noRecorderFor(command.get(0)));
    }
    return recorders.stream()
        .filter(r -> r.name().equals(backend))
        .findFirst()
        .orElseThrow(
            () -> new CodeTracerException("unknown backend \"" + backend + "\"; available backends: " + describeNames()));
  }

  private CodeTracerException noRecorderFor(String program) {
    if (!ProgramSearch.exists(program, System.getenv("PATH"))) {
      return new CodeTracerException(
          "cannot record `" + program + "`: "
              + (program.contains("/") ? "no such file" : "not found on PATH"));
    }
    return new CodeTracerException(
        "no recorder can record `" + program + "`; available backends: " + describeNames()
            + " (choose one with --backend)");
  }

  private String describeNames() {
    return recorders.isEmpty() ? "none in this build" : String.join(", ", names());
  }
}
