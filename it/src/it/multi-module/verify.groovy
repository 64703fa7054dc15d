// mvn codetracer:record in a multi-module build.
def checks = new GroovyShell(this.class.classLoader).parse(new File(itSources, 'TraceChecks.groovy'))
String log = new File(basedir, 'build.log').getText('UTF-8')

List<String> kept(String module, String folder = 'target/codetracer') {
  File output = new File(basedir, module + '/' + folder)
  return output.isDirectory() ? output.listFiles().findAll { it.isDirectory() }*.name.collect { it.replaceAll(/-[0-9a-f]{8}$/, '') }.sort() : []
}

// 1: each module with tests ran them and kept its own failing tests' recordings
assert kept('shapes') == ['RectangleTest.perimeter']
assert kept('report') == ['AreaReportTest.formatsTwo']
assert !new File(basedir, 'docs/target/codetracer').exists()
assert log.contains('No tests to record in multi-module (packaging pom)')
assert log.contains('CodeTracer recordings of shapes (2 tests run, 1 failed, 0 aborted, 0 skipped):')
assert log.contains('CodeTracer recordings of report (2 tests run, 1 failed, 0 aborted, 0 skipped):')
assert log.contains('No tests to record in docs (it has no test classes)')
assert log.contains('2 test(s) failed in shapes, report')

// the report's recording reaches into the other module's code, with its sources
File formatsTwo = new File(basedir, 'report/target/codetracer').listFiles().find { it.isDirectory() }
int areaLine = checks.lineOf(new File(basedir, 'shapes/src/main/java/com/acme/shapes/Rectangle.java'), 'return area;')
assert checks.valuesAtLine(formatsTwo, 'com/acme/shapes/Rectangle.java', areaLine).any { it.area == '6' }
assert checks.sourceCopy(formatsTwo, 'com/acme/shapes/Rectangle.java').isFile()
int assertion = checks.lineOf(new File(basedir, 'report/src/test/java/com/acme/report/AreaReportTest.java'), 'assertEquals("2 rectangles')
assert checks.valuesAtLine(formatsTwo, 'com/acme/report/AreaReportTest.java', assertion).any { it.report == '"2 rectangles, total area 7"' }

// 2: only the report module has the selected test; keep=all kept the passing test's recording
assert kept('report', 'target/selected') == ['AreaReportTest.formatsOne']
assert kept('shapes', 'target/selected') == []
assert log.contains('No test in shapes matches -Dcodetracer.test=AreaReportTest#formatsOne')
assert log.contains('CodeTracer recordings of report (1 test run, 0 failed, 0 aborted, 0 skipped):')

// 3: no module has it
assert log.contains('no test matched -Dcodetracer.test=NoSuchTest in any module')
return true
