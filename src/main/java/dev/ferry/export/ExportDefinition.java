package dev.ferry.export;

import dev.ferry.objectstore.S3Connection;
import java.util.Optional;

/** What every export has: a name, a bucket with a key prefix, and how to reach the bucket. */
public sealed interface ExportDefinition permits RevisionExportDefinition, EventExportDefinition {

  String name();

  String bucket();

  /** Empty or ending with {@code /}. */
  String prefix();

  /** How to reach the bucket; empty means the server's default (the embedded S3). */
  Optional<S3Connection> connection();
}
