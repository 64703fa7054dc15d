package com.acme.docs;

public final class Readme {
  public static final String TEXT = "shapes and reports";

  private Readme() {}
}
