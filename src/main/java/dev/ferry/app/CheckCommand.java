package dev.ferry.app;

import dev.ferry.objectstore.AccessCheck;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.PermissionCheck;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.objectstore.S3Credentials;
import dev.ferry.objectstore.S3ObjectStore;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry check}: tries each permission an integration needs against the real bucket, with
 * credentials from the usual AWS environment, and leaves nothing behind.
 */
@Command(
    name = "check",
    description = {
      "Verify each S3 permission an integration needs against the real bucket.",
      "Credentials come from the AWS default chain (AWS_ACCESS_KEY_ID, AWS_PROFILE, ...).",
      "Exits 1 when a permission is missing."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BucketOptions target;

  @Option(names = "--endpoint", paramLabel = "URL", description = "S3-compatible endpoint")
  URI endpoint;

  @Option(
      names = "--region",
      defaultValue = "${env:AWS_REGION:-us-east-1}",
      description = "AWS region (env AWS_REGION; default: ${DEFAULT-VALUE})")
  String region;

  @Override
  public Integer call() {
    List<PermissionCheck> checks;
    try (ObjectStore store = S3ObjectStore.connect(connection())) {
      checks = AccessCheck.run(store, target.kind, target.bucket, target.prefix);
    }
    print(checks, spec.commandLine().getOut());
    boolean missing = checks.stream().anyMatch(c -> c.outcome() == PermissionCheck.Outcome.MISSING);
    return missing ? 1 : 0;
  }

  private S3Connection connection() {
    S3Credentials credentials = new S3Credentials.DefaultChain();
    return endpoint == null
        ? S3Connection.aws(region, credentials)
        : S3Connection.endpoint(endpoint, credentials);
  }

  private static void print(List<PermissionCheck> checks, PrintWriter out) {
    for (PermissionCheck check : checks) {
      String outcome = check.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      String reason = check.reason().isEmpty() ? "" : "  " + check.reason();
      out.printf(Locale.ROOT, "%-26s %-13s%s%n", check.action(), outcome, reason);
    }
    out.flush();
  }
}
