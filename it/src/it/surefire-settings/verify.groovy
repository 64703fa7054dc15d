// The project's Surefire argLine (with @{...}), system properties, environment, includes and excludes apply.
def checks = new GroovyShell(this.class.classLoader).parse(new File(itSources, 'TraceChecks.groovy'))
String log = new File(basedir, 'build.log').getText('UTF-8')

// 1: the five setting checks passed (they fail when a setting is missing); IgnoredCheck and PlainTest never ran
assert log.contains('CodeTracer recordings of surefire-settings (6 tests run, 1 failed, 0 aborted, 0 skipped):')
assert !log.contains('yet it ran')
List<File> recordings = new File(basedir, 'target/codetracer').listFiles().findAll { it.isDirectory() }
assert recordings*.name.collect { it.replaceAll(/-[0-9a-f]{8}$/, '') } == ['SettingsCheck.failsWithTheSettingsInScope']
int assertion = checks.lineOf(new File(basedir, 'src/test/java/com/acme/SettingsCheck.java'), 'assertEquals("hello", both)')
Map values = checks.valuesAtLine(recordings[0], 'com/acme/SettingsCheck.java', assertion)[0]
assert values.greeting == '"hello from the pom"'
assert values.mode == '"test-mode"'
assert values.both == '"hello from the pom in test-mode"'

// 2: keep=all: the four selected passing tests were recorded and kept
List<String> all = new File(basedir, 'target/all').listFiles().findAll { it.isDirectory() }*.name.collect { it.replaceAll(/-[0-9a-f]{8}$/, '') }.sort()
assert all == ['SettingsCheck.appliesTheArgLine', 'SettingsCheck.appliesTheCommandLinesProperties', 'SettingsCheck.appliesTheEnvironment', 'SettingsCheck.appliesTheSystemProperties']
new File(basedir, 'target/all').listFiles().findAll { it.isDirectory() }.each { assert checks.metadata(it).test_outcome == 'passed' }
assert log.contains('CodeTracer recordings of surefire-settings (4 tests run, 0 failed, 0 aborted, 0 skipped):')
return true
