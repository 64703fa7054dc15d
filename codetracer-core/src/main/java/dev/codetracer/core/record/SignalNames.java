package dev.codetracer.core.record;

/** Linux signal numbers (the same on x86-64 and arm64) and their names. */
public final class SignalNames {
  private static final String[] NAMES = {
    null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
    "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
    "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
    "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"
  };
  private static final int SIGRTMIN = 34;
  private static final int SIGRTMAX = 64;

  private SignalNames() {}

  public static String name(int signal) {
    if (signal > 0 && signal < NAMES.length) {
      return NAMES[signal];
    }
    if (signal >= SIGRTMIN && signal <= SIGRTMAX) {
      return signal == SIGRTMIN ? "SIGRTMIN" : "SIGRTMIN+" + (signal - SIGRTMIN);
    }
    return "signal " + signal;
  }
}
