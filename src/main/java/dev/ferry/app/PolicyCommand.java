package dev.ferry.app;

import dev.ferry.objectstore.IntegrationKind;
import dev.ferry.objectstore.PolicyDocument;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry policy}: prints the least-privilege IAM policy an integration needs. */
@Command(
    name = "policy",
    description = "Print the least-privilege IAM policy JSON an integration needs on its bucket.")
final class PolicyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(PolicyDocument.forKind(kind, bucket, prefix));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
