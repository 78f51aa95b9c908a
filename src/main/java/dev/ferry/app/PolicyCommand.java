package dev.ferry.app;

import dev.ferry.objectstore.PolicyDocument;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferry policy}: prints the least-privilege IAM policy an integration needs. */
@Command(
    name = "policy",
    description = "Print the least-privilege IAM policy JSON an integration needs on its bucket.")
final class PolicyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BucketOptions target;

  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .println(PolicyDocument.forKind(target.kind, target.bucket, target.prefix));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
