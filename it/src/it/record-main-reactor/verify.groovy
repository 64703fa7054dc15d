// mvn codetracer:record -Dcodetracer.mainClass=... from the root of a reactor.
def checks = new GroovyShell(this.class.classLoader).parse(new File(itSources, 'TraceChecks.groovy'))
String log = new File(basedir, 'build.log').getText('UTF-8')

// 1: only app, which has the class, recorded it; the other modules said why they did not
assert log.contains('No main program to record in shop-parent (packaging pom)')
assert log.contains('No main program to record in core: com.acme.app.Shop is not in its classes or its runtime dependencies')
assert log.contains('No main program to record in app2: com.acme.app.Shop is not in its classes or its runtime dependencies')
assert !new File(basedir, 'target/codetracer').exists()
List<File> recordings = new File(basedir, 'app/target/codetracer').listFiles().findAll { it.isDirectory() }
assert recordings*.name.every { it ==~ /Shop-[0-9a-f]{8}/ } && recordings.size() == 1
assert checks.metadata(recordings[0]).exit_code == 0
assert log.contains('3 items at 4 cost 12')
int total = checks.lineOf(new File(basedir, 'core/src/main/java/com/acme/core/Prices.java'), 'return total;')
assert checks.valuesAtLine(recordings[0], 'com/acme/core/Prices.java', total).any { it.total == '12' }

// 2: no module has it: one error, at the end, that does not ask for the qualified name it was given
String nowhere = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') && it.contains('NoSuchShop') }
assert nowhere.contains('on project app2: main class com.acme.app.NoSuchShop does not exist in any module\'s classes or runtime dependencies: check its package and name')
assert !nowhere.contains('fully qualified')

// 3: an unqualified name: the class of that name that app has is suggested
assert log.contains('main class Shop does not exist in any module\'s classes or runtime dependencies (did you mean com.acme.app.Shop?):'
    + ' give the fully qualified name with -Dcodetracer.mainClass=com.acme.app.Shop')

// 4: core's class, which app and app2 have through core: recorded once, in core, with its arguments
assert log.contains('No main program to record in app: com.acme.core.PriceList is in the classes of core, which records it')
assert log.contains('No main program to record in app2: com.acme.core.PriceList is in the classes of core, which records it')
assert log.count('price list: 2 items at 5 cost 10') == 1
List<File> priceLists = new File(basedir, 'core/target/codetracer').listFiles().findAll { it.isDirectory() }
assert priceLists.size() == 1 && priceLists[0].name ==~ /PriceList-[0-9a-f]{8}/
assert checks.metadata(priceLists[0]).exit_code == 0
assert !new File(basedir, 'app2/target/codetracer').exists()
assert !new File(basedir, 'target/codetracer').exists()
return true
