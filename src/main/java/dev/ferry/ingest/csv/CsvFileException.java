package dev.ferry.ingest.csv;

/**
 * A CSV file that cannot be imported at all: no usable header, a required column missing, a header
 * that is not UTF-8, a row larger than the maximum. The message names the line when there is one,
 * e.g. {@code "Line 1: no Identity column (accepted names: Identity, Person, _p)"}.
 */
public final class CsvFileException extends RuntimeException {

  CsvFileException(String message) {
    super(message);
  }

  static CsvFileException atLine(long line, String reason) {
    return new CsvFileException("Line " + line + ": " + reason);
  }
}
