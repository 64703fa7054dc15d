// mvn codetracer:record -DexitBeforeAll=true: ExitingSetupTest's @BeforeAll calls System.exit(6) after
// AFailingSetupTest's @BeforeAll failed, before any test started.
String log = new File(basedir, 'build.log').getText('UTF-8')

// the build failed for an exit after the runner started (its journal says so), not for a bad argLine
assert log.contains('the test JVM exited (exit status 6) after the test run started and before its first test'
    + ' (System.exit in a static initializer or @BeforeAll?), so no test ran;'
    + ' before it, AFailingSetupTest failed outside any test (see the failures above)')
assert !log.contains('without reporting its tests')

// the failure outside any test that the journal has is reported
assert log.contains('AFailingSetupTest: IllegalStateException: no database')
assert !log.contains('neverRuns') && !log.contains('ExitingSetupTest.adds')

// no test ran, so nothing was recorded
File output = new File(basedir, 'target/codetracer')
assert !output.exists() || output.listFiles().findAll { it.isDirectory() }.isEmpty()
return true
