// prepare-agent + @RecordOnFailure + a plain mvn test: the failing test is recorded as it ran (retain mode).
def checks = new GroovyShell(this.class.classLoader).parse(new File(itSources, 'TraceChecks.groovy'))
String log = new File(basedir, 'build.log').getText('UTF-8')

// 1: the agent went into argLine, in front of the project's own options
assert log =~ /argLine set to -javaagent:\S+\/codetracer-agent-[^\s=\/]+\.jar=includes=com\.acme\.\*,\S*start=api/
assert log.contains('Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
List<File> recordings = new File(basedir, 'target/codetracer').listFiles().findAll { it.isDirectory() }
assert recordings.size() == 1: "expected one recording, found ${recordings*.name}"
File recording = recordings[0]
assert recording.name.contains('appliesTheDiscount')
Map metadata = checks.metadata(recording)
assert metadata.record_mode == 'retain'
assert metadata.test_outcome == 'failed'
int assertion = checks.lineOf(new File(basedir, 'src/test/java/com/acme/CheckoutTest.java'), 'assertEquals(50, total)')
assert checks.valuesAtLine(recording, 'com/acme/CheckoutTest.java', assertion).any { it.total == '51' }
int discountLine = checks.lineOf(new File(basedir, 'src/main/java/com/acme/Checkout.java'), 'return sum - discount;')
assert checks.valuesAtLine(recording, 'com/acme/Checkout.java', discountLine).any { it.sum == '60' && it.discount == '9' }

// 2: skipped: no agent and no rerun, yet the tests ran with the project's own argLine (sample.flag passed)
assert log.contains('Skipping codetracer:prepare-agent (codetracer.skip is true)')
assert log.findAll('Tests run: 2, Failures: 1, Errors: 0, Skipped: 0').size() >= 2
assert new File(basedir, 'target/codetracer').listFiles().findAll { it.isDirectory() }.size() == 1
return true
