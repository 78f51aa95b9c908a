package dev.ferry.export;

import dev.ferry.store.Revision;
import java.nio.file.Path;

/**
 * A revision file written to the spool directory, ready for upload.
 *
 * @param records the lines it holds
 * @param bytes its size
 * @param duplicates records left out as duplicates ({@code dedupe: true})
 */
record Spooled(Revision revision, Path file, long records, long bytes, long duplicates) {}
