package dev.kagentmaven.core.go;

/** Unchecked (IllegalArgumentException) failure carrying Go's encoding/json error text verbatim. */
public final class GoJsonException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with Go's error message as-is. */
  public GoJsonException(String goMessage) {
    super(goMessage);
  }
}
