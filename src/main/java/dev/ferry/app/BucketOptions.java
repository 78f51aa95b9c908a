package dev.ferry.app;

import dev.ferry.objectstore.IntegrationKind;
import picocli.CommandLine.Option;

/** The bucket, kind of integration and prefix that {@code policy} and {@code check} share. */
final class BucketOptions {
  @Option(names = "--bucket", required = true, description = "The integration's bucket")
  String bucket;

  @Option(
      names = "--for",
      required = true,
      paramLabel = "KIND",
      converter = KindConverter.class,
      description = "import, tables or export")
  IntegrationKind kind;

  @Option(names = "--prefix", defaultValue = "", description = "Key prefix (folder) it uses")
  String prefix;
}
