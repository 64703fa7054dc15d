#!/usr/bin/env python3
"""The JUnit extension's benchmark: a generated suite of 500 tests (1% failing) run in one JVM
each way, side by side in the same session, REPEAT times, alternating: without the extension,
with it in rerun mode, with it in retain mode on every test. Prints medians and ratios.

Usage (from the repository root):
  mvn -q -pl codetracer-junit -am -DskipTests package dependency:build-classpath \\
      -Dmdep.outputFile=$PWD/bench/junit/target/classpath.txt -Dmdep.includeScope=runtime
  python3 bench/junit/run.py [REPEAT]

Environment: BENCH_AGENT_JAR=path runs another build of the agent (to compare two in one session);
BENCH_CONFIGS="name;name" runs only those configurations (e.g. "without the extension;retain mode,
every test"; the first is the base of the ratios); BENCH_CLASSES=N generates N test classes of 20
instead of 25 (100: 2,000 tests, 20 failing; add -Dcodetracer.maxRecordings through BENCH_JVM_ARGS
to keep them all); BENCH_JVM_ARGS="..." adds JVM options to every configuration.
"""
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "target")
REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 3
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"), "bin", "java")
JAVAC = JAVA + "c"
CLASSES = int(os.environ.get("BENCH_CLASSES", "25"))
TESTS_PER_CLASS = 20
# generate.py makes test number n fail when n % 100 == 37
FAILING_CLASSES = ["bench.Suite%02dTest" % c for c in range(CLASSES)
                   if any((c * TESTS_PER_CLASS + t) % 100 == 37 for t in range(TESTS_PER_CLASS))]
TOTAL = CLASSES * TESTS_PER_CLASS
FAILING = sum(1 for n in range(TOTAL) if n % 100 == 37)
ALL = "all %d tests" % TOTAL
PASSING = "the %d passing tests" % (TOTAL - TESTS_PER_CLASS * len(FAILING_CLASSES))
EXTRA_JVM_ARGS = os.environ.get("BENCH_JVM_ARGS", "").split()
# What the Maven plugin's prepare-agent gives the test JVM beside -javaagent (ValueCodeInlining,
# RecordedStacks in codetracer-core): the retain-mode JVMs run as a user's would.
PREPARE_AGENT_OPTIONS = ["-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,dev.codetracer.agent.values.*::*",
                         "-XX:CompileCommand=dontinline,dev.codetracer.agent.shaded.core.jvm.ValueEncoder::*", "-Xss4096k"]


def private_copy(path, name):
    """Copies a build output: other builds in the same checkout may replace it while we run."""
    target = os.path.join(WORK, "lib", name)
    shutil.copyfile(path, target)
    return target


def main():
    os.makedirs(os.path.join(WORK, "lib"), exist_ok=True)
    version = "0.1.0-SNAPSHOT"
    standalone = os.path.join(ROOT, "codetracer-junit", "target", "junit-standalone", "junit-platform-console-standalone-1.14.4.jar")
    agent = private_copy(os.environ.get("BENCH_AGENT_JAR") or os.path.join(ROOT, "codetracer-agent", "target", "codetracer-agent-%s.jar" % version),
                         "codetracer-agent.jar")
    junit_jar = private_copy(os.path.join(ROOT, "codetracer-junit", "target", "codetracer-junit-%s.jar" % version), "codetracer-junit.jar")
    deps = []
    for entry in open(os.path.join(WORK, "classpath.txt")).read().strip().split(":"):
        if os.path.basename(entry).startswith("codetracer-agent"):
            # The agent comes with -javaagent (which appends it to the class path): a copy on -cp
            # would come first, and its classes, not BENCH_AGENT_JAR's, would be the ones loaded.
            continue
        deps.append(private_copy(entry, os.path.basename(entry)) if "/target/" in entry else entry)
    classpath_base = [standalone, junit_jar] + deps

    src = os.path.join(WORK, "src")
    classes = os.path.join(WORK, "classes")
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(classes, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), src, str(CLASSES), str(TESTS_PER_CLASS)], check=True)
    sources = [os.path.join(src, "bench", f) for f in os.listdir(os.path.join(src, "bench"))]
    subprocess.run([JAVAC, "-g", "-d", classes, "-cp", standalone] + sources, check=True)
    classpath = ":".join([classes] + classpath_base)

    auto = ["-Djunit.jupiter.extensions.autodetection.enabled=true", "-Dcodetracer.all=true"]
    configs = {
        "without the extension": ([], {}),
        "rerun mode": (auto + ["-Dcodetracer.mode=rerun"], {"CODETRACER_AGENT_JAR": agent}),
        "retain mode, every test": (
            ["-javaagent:%s=start=api" % agent] + PREPARE_AGENT_OPTIONS + auto + ["-Dcodetracer.mode=retain"], {}),
        "agent loaded, extension off": (["-javaagent:%s=start=api" % agent] + PREPARE_AGENT_OPTIONS, {}),
        "agent loaded, extension on, recording nothing": (
            ["-javaagent:%s=start=api" % agent] + PREPARE_AGENT_OPTIONS + auto + ["-Dcodetracer.mode=retain", "-Dcodetracer.maxRecordings=0"], {}),
    }
    wanted = [c.strip() for c in os.environ.get("BENCH_CONFIGS", "").split(";") if c.strip()]
    if wanted:
        configs = {name: configs[name] for name in wanted}
    selections = {ALL: ["--select-package=bench"],
                  PASSING: ["--select-package=bench"] + ["--exclude-classname=" + re.escape(c) for c in FAILING_CLASSES]}
    if "rerun mode" not in configs:
        del selections[PASSING]

    results = {}
    for repeat in range(REPEAT):
        for selection, select_args in selections.items():
            for config, (jvm_args, env) in configs.items():
                if selection != ALL and config not in ("without the extension", "rerun mode"):
                    continue
                home = tempfile.mkdtemp(prefix="ct-bench-")
                environment = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "xdg"), **env)
                environment.pop("CODETRACER_EXPORT_RECORD_FOLDER", None)
                command = [JAVA] + jvm_args + EXTRA_JVM_ARGS + ["-Dcodetracer.output=" + os.path.join(home, "out"), "-cp", classpath,
                                               "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner",
                                               "--details=summary"] + select_args
                start = time.monotonic()
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                done = subprocess.run(command, cwd=WORK, env=environment, capture_output=True, text=True)
                wall = time.monotonic() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                found = re.search(r"Test run finished after (\d+) ms", done.stdout)
                failed = re.search(r"(\d+) tests failed", done.stdout)
                recordings = len([d for d in os.listdir(os.path.join(home, "out")) if not d.startswith(".") and not d.endswith(".zip")]) \
                    if os.path.isdir(os.path.join(home, "out")) else 0
                if not found:
                    print(done.stdout[-3000:], done.stderr[-3000:])
                    raise SystemExit("run failed: " + config)
                results.setdefault((selection, config), []).append((wall, int(found.group(1)) / 1000.0, int(failed.group(1)), recordings, cpu))
                print("%-22s %-46s wall %6.2f s  tests %6.2f s  cpu %6.2f s  failed %s  recordings %d" % (
                    selection, config, wall, int(found.group(1)) / 1000.0, cpu, failed.group(1), recordings), flush=True)
                shutil.rmtree(home, ignore_errors=True)

    print()
    print("| tests | run | wall time (median of %d) | ratio | paired ratio (range) | test run time | CPU time (user+sys, all processes) | ratio | failed | recordings |" % REPEAT)
    print("|---|---|---|---|---|---|---|---|---|---|")
    for selection in selections:
        base = None
        for config in configs:
            runs = results.get((selection, config))
            if not runs:
                continue
            wall = statistics.median(r[0] for r in runs)
            test_time = statistics.median(r[1] for r in runs)
            cpu = statistics.median(r[4] for r in runs)
            if base is None:
                base = (wall, cpu, runs)
            # each round runs every configuration back to back: a round's own ratio cancels the
            # machine's slower and faster spells, which move the medians of separate columns
            paired = [run[0] / base_run[0] for run, base_run in zip(runs, base[2])]
            print("| %s | %s | %.2f s | %.2fx | %.2fx (%.2f to %.2f) | %.2f s | %.2f s | %.2fx | %d | %d |" % (
                selection, config, wall, wall / base[0], statistics.median(paired), min(paired), max(paired),
                test_time, cpu, cpu / base[1], runs[0][2], runs[0][3]))
    if (ALL, "rerun mode") not in results or (PASSING, "rerun mode") not in results:
        return
    all_base = statistics.median(r[0] for r in results[(ALL, "without the extension")])
    rerun = statistics.median(r[0] for r in results[(ALL, "rerun mode")])
    passing_base = statistics.median(r[0] for r in results[(PASSING, "without the extension")])
    passing_rerun = statistics.median(r[0] for r in results[(PASSING, "rerun mode")])
    print()
    print("rerun mode: %.2f s more for %d failing tests = %.2f s per failing test (wall, medians)" % (rerun - all_base, FAILING, (rerun - all_base) / FAILING))
    print("rerun mode on passing tests: %+.2f s (wall, medians)" % (passing_rerun - passing_base))


if __name__ == "__main__":
    main()
