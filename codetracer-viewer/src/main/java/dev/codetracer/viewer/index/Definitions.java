package dev.codetracer.viewer.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What the stream defines by id (paths, functions, types, variable names) and the distinct
 * (path, line) locations its steps visit: small next to the steps, so kept whole and in memory.
 */
public final class Definitions {
  @JsonProperty("paths") public List<String> paths = new ArrayList<>();
  @JsonProperty("functions") public List<FunctionDef> functions = new ArrayList<>();
  @JsonProperty("types") public List<TypeDef> types = new ArrayList<>();
  @JsonProperty("variable_names") public List<String> variableNames = new ArrayList<>();
  @JsonProperty("locations") public List<Location> locations = new ArrayList<>();

  public record FunctionDef(@JsonProperty("name") String name, @JsonProperty("path_id") long pathId, @JsonProperty("line") long line) {}

  /** A type: its kind number, its language name and, for structs, its field names. */
  public record TypeDef(@JsonProperty("kind") int kind, @JsonProperty("lang_type") String langType,
      @JsonProperty("fields") List<String> fields) {}

  public record Location(@JsonProperty("path_id") int pathId, @JsonProperty("line") long line) {}

  public String path(long pathId) {
    return pathId >= 0 && pathId < paths.size() ? paths.get((int) pathId) : "";
  }

  public String functionName(long functionId) {
    return functionId >= 0 && functionId < functions.size() ? functions.get((int) functionId).name() : "?";
  }

  public String variableName(long variableId) {
    return variableId >= 0 && variableId < variableNames.size() ? variableNames.get((int) variableId) : "#" + variableId;
  }

  public TypeDef type(long typeId) {
    return typeId >= 0 && typeId < types.size() ? types.get((int) typeId) : null;
  }
}
