package dev.codetracer.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an I/O failure into the words a user needs (the JDK's often name only a path). */
public final class IoMessages {
  private IoMessages() {}

  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied (" + e.getMessage() + ")";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way (" + e.getMessage() + " already exists)";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder (" + e.getMessage() + ")";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder (" + e.getMessage() + ")";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason() + " (" + fse.getFile() + ")";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
