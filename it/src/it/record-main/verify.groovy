// mvn codetracer:record -Dcodetracer.mainClass=... records the module's main program.
def checks = new GroovyShell(this.class.classLoader).parse(new File(itSources, 'TraceChecks.groovy'))
String log = new File(basedir, 'build.log').getText('UTF-8')

// 1: one recording of App with the POM's arguments, the program's own output, registered in the index
File output = new File(basedir, 'target/codetracer')
List<File> recordings = output.listFiles().findAll { it.isDirectory() }
assert recordings.size() == 1 && recordings[0].name ==~ /App-[0-9a-f]{8}/
File recording = recordings[0]
Map metadata = checks.metadata(recording)
assert metadata.backend == 'jvm'
assert metadata.exit_code == 0
assert metadata.args[-3..-1] == ['com.acme.App', '7', 'and 5']
assert log.contains('7 times 5 is 35')
int loop = checks.lineOf(new File(basedir, 'src/main/java/com/acme/App.java'), 'result += a;')
assert checks.valuesAtLine(recording, 'com/acme/App.java', loop).collect { it.result } == ['0', '7', '14', '21', '28']
assert checks.sourceCopy(recording, 'com/acme/App.java').isFile()
assert checks.indexedUnder(cliJar, javaHome, new File(itHome, 'data'), output).size() == 1
assert log =~ /com\.acme\.App 7 "and 5"\s+exit 0\s+target\/codetracer\/App-[0-9a-f]{8}/

// 2: a main class that does not exist, with a suggestion
assert log.contains('main class App does not exist in record-main\'s classes or its runtime dependencies (did you mean com.acme.App?)')

// 3: an unknown backend
assert log.contains('unknown backend "gdb": use -Dcodetracer.backend=jvm')

// 4: rr through core's pre-flight: a recording where rr can record, else rr's message and a failed build
File rrOutput = new File(basedir, 'target/rr')
List<File> rrRecordings = rrOutput.isDirectory() ? rrOutput.listFiles().findAll { it.isDirectory() } : []
if (log.contains('cannot record com.acme.App with the rr backend: ')) {
  assert rrRecordings.isEmpty()
  println 'rr cannot record on this machine; the build said: ' + log.readLines().find { it.contains('with the rr backend: ') }
} else {
  assert rrRecordings.size() == 1
  assert checks.metadata(rrRecordings[0]).backend == 'rr'
  assert new File(rrRecordings[0], 'rr').isDirectory()
}
return true
