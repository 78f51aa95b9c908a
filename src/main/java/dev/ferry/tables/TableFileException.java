package dev.ferry.tables;

/**
 * A file that cannot be loaded at all (its header lacks a primary-key field, it is not UTF-8, it
 * cannot be read): reported with its key, left out of the ledger, the other files go on.
 */
public final class TableFileException extends RuntimeException {
  TableFileException(String message) {
    super(message);
  }

  TableFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
