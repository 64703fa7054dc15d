// mvn codetracer:record on a module where a test calls System.exit(3) after another test failed.
def checks = new GroovyShell(this.class.classLoader).parse(new File(itSources, 'TraceChecks.groovy'))
String log = new File(basedir, 'build.log').getText('UTF-8')

// the recorder kept the recording it was making as the JVM exited, and said where
assert log.contains('codetracer: the JVM exited while recording ExitTest.exits; the recording is in ')

// the summary of what ran until then, the exiting test among the failures
assert log.contains('CodeTracer recordings of record-exit (3 tests run, 2 failed, 0 aborted, 0 skipped):')
assert log =~ /ExitTest\.addsWrongly\s+failed\s+target\/codetracer\/ExitTest\.addsWrongly-[0-9a-f]{8}\s+\d/
assert log =~ /ExitTest\.exits\s+failed\s+target\/codetracer\/ExitTest\.exits-[0-9a-f]{8}\s+\d/
assert !log.contains('ExitTest.neverRuns')
assert log.contains('ExitTest.exits: failed: the test JVM exited (exit status 3) while this test ran (most likely System.exit)')

// the build failed for the exit, not for a bad argLine
assert log.contains('the test JVM exited (exit status 3) while running ExitTest.exits (most likely System.exit), and the tests after it did not run')
assert !log.contains('without reporting its tests')

// both recordings have their test keys, as every published recording does
File output = new File(basedir, 'target/codetracer')
List<File> recordings = output.listFiles().findAll { it.isDirectory() }.sort { it.name }
assert recordings*.name.collect { it.replaceAll(/-[0-9a-f]{8}$/, '') } == ['ExitTest.addsWrongly', 'ExitTest.exits']
File wrongly = recordings[0]
Map wronglyMetadata = checks.metadata(wrongly)
assert wronglyMetadata.test_id == '[engine:junit-jupiter]/[class:com.acme.ExitTest]/[method:addsWrongly()]'
assert wronglyMetadata.test_class == 'com.acme.ExitTest' && wronglyMetadata.test_method == 'addsWrongly'
assert wronglyMetadata.test_outcome == 'failed'
assert wronglyMetadata.failure_type == 'org.opentest4j.AssertionFailedError'
assert wronglyMetadata.record_mode == 'retain' && wronglyMetadata.recorded_by == 'codetracer-maven-plugin'
File exitTest = new File(basedir, 'src/test/java/com/acme/ExitTest.java')
assert checks.valuesAtLine(wrongly, 'com/acme/ExitTest.java', checks.lineOf(exitTest, 'assertEquals(5, sum')).any { it.sum == '4' }

File exits = recordings[1]
Map exitsMetadata = checks.metadata(exits)
assert exitsMetadata.test_id == '[engine:junit-jupiter]/[class:com.acme.ExitTest]/[method:exits()]'
assert exitsMetadata.test_outcome == 'failed'
assert exitsMetadata.failure_message == 'the test JVM exited (exit status 3) while this test ran (most likely System.exit)'
assert checks.valuesAtLine(exits, 'com/acme/ExitTest.java', checks.lineOf(exitTest, 'System.exit(status)')).any { it.status == '3' }

// both registered in the local index (under the build's XDG_DATA_HOME, never the real one)
List rows = checks.indexedUnder(cliJar, javaHome, new File(itHome, 'data'), output)
assert rows.collect { new File(it.folder).name }.sort() == recordings*.name
assert rows.every { it.test_outcome == 'failed' }
return true
