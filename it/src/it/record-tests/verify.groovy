// mvn codetracer:record on one module with passing and failing tests.
def checks = new GroovyShell(this.class.classLoader).parse(new File(itSources, 'TraceChecks.groovy'))
String log = new File(basedir, 'build.log').getText('UTF-8')

// 1: only the two failing tests left recordings, each with an exported zip beside it
File output = new File(basedir, 'target/codetracer')
List<File> recordings = output.listFiles().findAll { it.isDirectory() }.sort { it.name }
// (the parameterized test failed for its second value only, 3)
assert recordings*.name.collect { it.replaceAll(/-[0-9a-f]{8}$/, '') } == ['CalculatorTest.averagesThreeNumbers', 'CalculatorTest.halvesEvenNumbers-2', 'GreetingTest.greetsByName']
recordings.each { File recording ->
  assert new File(output, recording.name + '.zip').isFile(): "no zip for ${recording.name}"
  Map metadata = checks.metadata(recording)
  assert metadata.test_outcome == 'failed'
  assert metadata.record_mode == 'retain'
  assert metadata.recorded_by == 'codetracer-maven-plugin'
  assert metadata.failure_type == 'org.opentest4j.AssertionFailedError'
  assert metadata.backend == 'jvm'
  assert metadata.test_id.startsWith('[engine:junit-jupiter]/[class:com.acme.')
}

// the failing assertion's line, with the values that led to it
File average = recordings[0]
File calculatorTest = new File(basedir, 'src/test/java/com/acme/CalculatorTest.java')
int assertion = checks.lineOf(calculatorTest, 'assertEquals(5, average')
List<Map> atAssertion = checks.valuesAtLine(average, 'com/acme/CalculatorTest.java', assertion)
assert !atAssertion.isEmpty(): "no step at CalculatorTest.java:${assertion} in ${average}"
assert atAssertion[0].total == '15'
assert atAssertion[0].average == '3'
// the code under test was recorded too, with its own values
int division = checks.lineOf(new File(basedir, 'src/main/java/com/acme/Calculator.java'), 'return quotient')
assert checks.valuesAtLine(average, 'com/acme/Calculator.java', division).any { it.quotient == '3' && it.divisor == '4' }
assert checks.sourceCopy(average, 'com/acme/CalculatorTest.java').text == calculatorTest.text
assert checks.sourceCopy(average, 'com/acme/Calculator.java').isFile()
assert checks.metadata(average).failure_message.contains('the average of 4, 5 and 6')

File halves = recordings[1]
assert checks.metadata(halves).test_parameters == '[2] 3'
int halvesAssertion = checks.lineOf(calculatorTest, 'assertEquals(number, half * 2)')
assert checks.valuesAtLine(halves, 'com/acme/CalculatorTest.java', halvesAssertion).any { it.number == '3' && it.half == '1' }

File greeting = recordings[2]
int greetingAssertion = checks.lineOf(new File(basedir, 'src/test/java/com/acme/GreetingTest.java'), 'assertEquals("Hello, Ada!"')
assert checks.valuesAtLine(greeting, 'com/acme/GreetingTest.java', greetingAssertion).any { it.greeting == '"Hello, Ada"' && it.name == '"Ada"' }

// registered in the local index (under the build's XDG_DATA_HOME, never the real one)
File dataHome = new File(itHome, 'data')
List rows = checks.indexedUnder(cliJar, javaHome, dataHome, output)
assert rows.collect { new File(it.folder).name }.sort() == recordings*.name
assert rows.every { it.test_outcome == 'failed' }
assert rows.collect { it.recording_id }.sort() == recordings.collect { checks.metadata(it).recording_id }.sort()

// the summary table, and the build failed because tests failed
assert log.contains('CodeTracer recordings of record-tests (8 tests run, 3 failed, 0 aborted, 0 skipped):')
assert log =~ /CalculatorTest\.averagesThreeNumbers\s+failed\s+target\/codetracer\/CalculatorTest\.averagesThreeNumbers-[0-9a-f]{8}\s+\d/
assert log.contains('3 test(s) failed in record-tests')

// the exported zips import elsewhere with `codetracer import`
File elsewhere = new File(basedir, 'target/elsewhere')
recordings.each { File recording ->
  File zip = new File(output, recording.name + '.zip')
  File target = new File(elsewhere, 'imported/' + recording.name)
  def (exit, out, err) = checks.cli(cliJar, javaHome, elsewhere, ['import', zip.path, target.path])
  assert exit == 0: "codetracer import ${zip} failed: ${err}"
  assert new File(target, 'trace.json').isFile()
  assert checks.metadata(target).recording_id == checks.metadata(recording).recording_id
}
List imported = checks.indexedUnder(cliJar, javaHome, elsewhere, new File(elsewhere, 'imported'))
assert imported.size() == 3 && imported.every { it.imported }

// 2: a -Dtest style selection ran exactly the two passing methods it names, and kept nothing
assert log.contains('CodeTracer recordings of record-tests (2 tests run, 0 failed, 0 aborted, 0 skipped):')
File selected = new File(basedir, 'target/selected')
assert !selected.exists() || selected.listFiles().findAll { it.isDirectory() }.isEmpty()

// 3: nothing matched: the build says what to change
assert log.contains('no test matched -Dcodetracer.test=NoSuchTest: give a test class')

// 4: rr through core's pre-flight: before any test ran, rr's own message; or, where rr can
//    record, one rr recording per failing test, re-run alone
File rrOutput = new File(basedir, 'target/rr')
List<File> rrRecordings = rrOutput.isDirectory() ? rrOutput.listFiles().findAll { it.isDirectory() } : []
if (log.contains('cannot record with -Dcodetracer.backend=rr: ')) {
  assert rrRecordings.isEmpty()
  println 'rr cannot record on this machine; the build said: ' + log.readLines().find { it.contains('-Dcodetracer.backend=rr: ') }
} else {
  assert rrRecordings.size() == 3
  rrRecordings.each { File recording ->
    Map metadata = checks.metadata(recording)
    assert metadata.backend == 'rr' && metadata.record_mode == 'rerun' && metadata.reproduced == true
    assert new File(recording, 'rr').isDirectory()
  }
}

// 5: a bad recorder option
assert log.contains('codetracer-agent: option "depth" must be between 0 and 16, not 99')
assert log.contains('the forked test JVM ended (exit status 2) without reporting its tests; its output is above.')

// 6: -Dtest ran GreetingTest's two tests, not the module's eight, and kept its failing one
assert log.contains('CodeTracer recordings of record-tests (2 tests run, 1 failed, 0 aborted, 0 skipped):')
File dashDTest = new File(basedir, 'target/dash-d-test')
assert dashDTest.listFiles().findAll { it.isDirectory() }*.name.collect { it.replaceAll(/-[0-9a-f]{8}$/, '') } == ['GreetingTest.greetsByName']
return true
