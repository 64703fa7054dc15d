// Checks shared by the sample projects' verify scripts. Load with
//   def checks = new GroovyShell(this.class.classLoader).parse(new File(itSources, 'TraceChecks.groovy'))
// (itSources, cliJar, itHome and javaHome are script variables set in it/pom.xml).
import groovy.json.JsonSlurper

/** The events of a recording's trace.json. */
List events(File recording) {
  File trace = new File(recording, 'trace.json')
  assert trace.isFile(): "no trace.json in ${recording}"
  return new JsonSlurper().parse(trace) as List
}

Map metadata(File recording) {
  File file = new File(recording, 'trace_metadata.json')
  assert file.isFile(): "no trace_metadata.json in ${recording}"
  return new JsonSlurper().parse(file) as Map
}

/** The 1-based number of the first line of the file that contains the text. */
int lineOf(File source, String text) {
  List<String> lines = source.readLines('UTF-8')
  int index = lines.findIndexOf { it.contains(text) }
  assert index >= 0: "\"${text}\" is not in ${source}"
  return index + 1
}

/** A value as text: 5, "Ada", true; compound values as their kind. */
String render(Map value) {
  switch (value.kind) {
    case 'Int': return String.valueOf(value.i)
    case 'Bool': return String.valueOf(value.b)
    case 'String': return '"' + value.text + '"'
    case 'Float': return value.f
    case 'Char': return value.c
    default: return value.kind
  }
}

/**
 * For every Step at the line of the file (matched by the end of its path), the values recorded
 * right after it, by variable name: [[total: '15', average: '3'], ...].
 */
List<Map<String, String>> valuesAtLine(File recording, String fileSuffix, int line) {
  List<String> paths = []
  List<String> names = []
  List<Map<String, String>> hits = []
  Map<String, String> current = null
  for (Map event : events(recording)) {
    String kind = event.keySet().iterator().next()
    def payload = event[kind]
    if (kind == 'Path') {
      paths << payload
    } else if (kind == 'VariableName') {
      names << payload
    } else if (kind == 'Step') {
      current = null
      if (paths[payload.path_id as int].endsWith(fileSuffix) && payload.line == line) {
        current = [:]
        hits << current
      }
    } else if (kind == 'Value' && current != null) {
      current[names[payload.variable_id as int]] = render(payload.value as Map)
    }
  }
  return hits
}

/** The source copy of a file inside the recording's source/ folder. */
File sourceCopy(File recording, String fileSuffix) {
  File root = new File(recording, 'source')
  assert root.isDirectory(): "no source/ in ${recording}"
  File found = null
  root.eachFileRecurse { if (it.isFile() && it.path.endsWith(fileSuffix)) found = it }
  assert found != null: "${fileSuffix} was not copied into ${root}"
  return found
}

/** Runs the codetracer CLI with its data directory under dataHome; [exit code, standard output, standard error]. */
List cli(String cliJar, String javaHome, File dataHome, List<String> args) {
  List<String> command = [new File(javaHome, 'bin/java').path, '-jar', cliJar] + args
  File errors = File.createTempFile('codetracer-cli', '.err')
  ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors)
  builder.environment().put('XDG_DATA_HOME', dataHome.path)
  builder.environment().put('HOME', dataHome.path)
  Process process = builder.start()
  process.outputStream.close()
  String output = process.inputStream.getText('UTF-8')
  int exit = process.waitFor()
  String error = errors.getText('UTF-8')
  errors.delete()
  return [exit, output, error]
}

/**
 * The index rows (codetracer list --json) whose folder lies under the given folder and still
 * exists (rows of an earlier run of the same build may remain when the index was not cleaned).
 */
List indexedUnder(String cliJar, String javaHome, File dataHome, File folder) {
  def (exit, output, error) = cli(cliJar, javaHome, dataHome, ['list', '--all', '--json'])
  assert exit == 0: "codetracer list --json failed: ${error}"
  def rows = new JsonSlurper().parseText(output)
  String prefix = folder.canonicalPath + File.separator
  return rows.findAll { row -> row.folder != null && new File(row.folder as String).isDirectory() && new File(row.folder as String).canonicalPath.startsWith(prefix) }
}

return this
