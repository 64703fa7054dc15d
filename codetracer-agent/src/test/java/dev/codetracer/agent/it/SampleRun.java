package dev.codetracer.agent.it;

import java.nio.file.Path;

/**
 * One run of a sample program.
 *
 * @param folder the recording folder (null for a run without the agent)
 */
record SampleRun(int exitCode, String stdout, String stderr, Path folder) {}
