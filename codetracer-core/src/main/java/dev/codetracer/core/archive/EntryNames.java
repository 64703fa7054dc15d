package dev.codetracer.core.archive;

import java.util.regex.Pattern;

/** Checks that an archive entry name stays inside the folder it is unpacked into. */
final class EntryNames {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private EntryNames() {}

  /** Null when the name is safe, else the reason it is not. */
  static String problem(String name) {
    if (name.isEmpty()) {
      return "has an empty name";
    }
    if (name.indexOf('\0') >= 0) {
      return "has a NUL character in its name";
    }
    if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
      return "has an absolute name";
    }
    if (name.indexOf('\\') >= 0) {
      return "has a backslash in its name";
    }
    String withoutSlash = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    for (String segment : withoutSlash.split("/", -1)) {
      if (segment.equals("..")) {
        return "has a '..' segment in its name";
      }
      if (segment.isEmpty() || segment.equals(".")) {
        return "has an empty or '.' segment in its name";
      }
    }
    return null;
  }

  /** The name without a trailing slash (directories). */
  static String canonical(String name) {
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }
}
