// @RecordOnFailure without a recorder in the test JVM: the failed tests are recorded when run again.
def checks = new GroovyShell(this.class.classLoader).parse(new File(itSources, 'TraceChecks.groovy'))
String log = new File(basedir, 'build.log').getText('UTF-8')

// the tests' own results, untouched
assert log.contains('Tests run: 3, Failures: 2, Errors: 0, Skipped: 0')
assert log.contains('expected: <21> but was: <14>')
assert log.contains('first run')

File output = new File(basedir, 'target/codetracer')
List<File> recordings = output.listFiles().findAll { it.isDirectory() && !it.name.startsWith('.') }.sort { it.name }
assert recordings*.name.collect { it.replaceAll(/-[0-9a-f]{8}$/, '') } == ['OrderTest.failsFirstTime', 'OrderTest.totalOfThree']

// deterministic: failed again, and the recording holds the assertion's line with its values
File deterministic = recordings[1]
Map metadata = checks.metadata(deterministic)
assert metadata.record_mode == 'rerun'
assert metadata.recorded_by == 'codetracer-junit'
assert metadata.reproduced == true
assert metadata.test_id == '[engine:junit-jupiter]/[class:com.acme.OrderTest]/[method:totalOfThree()]'
assert metadata.failure_message == 'expected: <21> but was: <14>'
int assertion = checks.lineOf(new File(basedir, 'src/test/java/com/acme/OrderTest.java'), 'assertEquals(21, total)')
assert checks.valuesAtLine(deterministic, 'com/acme/OrderTest.java', assertion).any { it.total == '14' && it.price == '7' }
assert log =~ /codetracer: OrderTest\.totalOfThree failed; recorded when run again in a fresh JVM, where it failed again: target\/codetracer\/OrderTest\.totalOfThree-[0-9a-f]{8} \(open it: codetracer run target\/codetracer\/OrderTest\.totalOfThree-[0-9a-f]{8}\)/

// flaky: passed when run again (so the rerun JVM had the argLine's and Surefire's properties)
Map flaky = checks.metadata(recordings[0])
assert flaky.reproduced == false
assert flaky.test_outcome == 'passed'
assert flaky.failure_message == 'first run'
assert log.contains('codetracer: OrderTest.failsFirstTime failed, but passed when run again in a fresh JVM (flaky?)')

// the bundled agent was extracted into the build's data directory, never the real one
File dataHome = new File(itHome, 'data')
assert new File(dataHome, 'codetracer/agent').listFiles().any { it.name.endsWith('.jar') }

// registered in the (build's) index, and the zips beside them import elsewhere
List rows = checks.indexedUnder(cliJar, javaHome, dataHome, output)
assert rows.collect { new File(it.folder).name }.sort() == recordings*.name
File elsewhere = new File(basedir, 'target/elsewhere')
recordings.each { File recording ->
  File zip = new File(output, recording.name + '.zip')
  assert zip.isFile()
  File target = new File(elsewhere, 'imported/' + recording.name)
  def (exit, out, err) = checks.cli(cliJar, javaHome, elsewhere, ['import', zip.path, target.path])
  assert exit == 0: "codetracer import ${zip} failed: ${err}"
  assert checks.metadata(target).recording_id == checks.metadata(recording).recording_id
}

// 2: retried by Surefire (three runs of totalOfThree in one JVM): one recording, of the first failure
assert log =~ /Run 3: OrderTest\.totalOfThree/
List<File> retried = new File(basedir, 'target/retried').listFiles().findAll { it.isDirectory() && !it.name.startsWith('.') }
assert retried*.name.collect { it.replaceAll(/-[0-9a-f]{8}$/, '') } == ['OrderTest.totalOfThree']
assert checks.metadata(retried[0]).reproduced == true
return true
