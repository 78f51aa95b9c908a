/**
 * Kissmetrics CSV files to records (SPEC §2.2): {@link dev.ferry.ingest.csv.CsvRecordReader} reads
 * a file row by row with exact byte offsets, so an import can stop after any row and resume there
 * with a ranged read.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Parsing is RFC 4180 on bytes: {@code "} quotes, {@code ""} escapes a quote, quoted fields
 *       may hold delimiters and line breaks. LF, CRLF and a lone CR end a line. A UTF-8 byte order
 *       mark at the start is dropped. Empty lines are skipped but counted: line numbers are
 *       physical (the header is line 1; a quoted line break advances the count).
 *   <li>Fields are decoded as strict UTF-8; a row with other bytes is rejected with cause {@link
 *       dev.ferry.ingest.csv.ParsedRow.Cause#ENCODING} and the file offset of the first bad byte
 *       (cells of ignored columns are not decoded). A header that is not UTF-8 fails the file.
 *   <li>A row must have exactly as many fields as the header: too many and too few are both
 *       rejected, as Kissmetrics did. A quote that is never closed, or text after a closing quote,
 *       rejects the row.
 *   <li>A row larger than 16 MiB fails the file instead of exhausting memory (most often an
 *       unbalanced quote swallowing the rest of the file).
 *   <li>A row gives an alias record when its alias cell is set, then an event when its event cell
 *       is set, or else a properties record when at least one property cell is set. Empty property
 *       cells are not set. A row with none of these is rejected.
 *   <li>Alias-only files (identity and alias columns only) need no timestamp column; their alias
 *       records carry the Unix epoch (Kissmetrics aliases are timeless).
 *   <li>An explicit column mapping replaces the default header names of that role.
 * </ul>
 */
package dev.ferry.ingest.csv;
