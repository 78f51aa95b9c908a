package dev.ferry.integration;

import dev.ferry.integration.IntegrationException.Reason;
import dev.ferry.objectstore.AccessCheck;
import dev.ferry.objectstore.IntegrationKind;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.PermissionCheck;
import dev.ferry.objectstore.PermissionCheck.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Checks, before an integration is saved, that its bucket grants what the integration needs. */
public final class BucketAccess {
  private BucketAccess() {}

  /**
   * Runs {@link AccessCheck} and fails with one message listing every action whose outcome is in
   * {@code refused}, with its reason.
   *
   * @throws IntegrationException with {@link Reason#VALIDATION_FAILED}
   */
  public static void require(
      ObjectStore objects,
      IntegrationKind kind,
      String bucket,
      String prefix,
      Set<Outcome> refused) {
    require(objects, kind, bucket, prefix, check -> refused.contains(check.outcome()));
  }

  /** As above, refusing the checks that {@code refused} accepts. */
  public static void require(
      ObjectStore objects,
      IntegrationKind kind,
      String bucket,
      String prefix,
      Predicate<PermissionCheck> refused) {
    List<PermissionCheck> failed =
        AccessCheck.run(objects, kind, bucket, prefix).stream().filter(refused).toList();
    if (!failed.isEmpty()) {
      throw new IntegrationException(Reason.VALIDATION_FAILED, message(kind, bucket, failed));
    }
  }

  private static String message(IntegrationKind kind, String bucket, List<PermissionCheck> failed) {
    boolean denied = failed.stream().anyMatch(check -> check.outcome() == Outcome.MISSING);
    return (denied ? "Ferry lacks permissions on bucket " : "Ferry cannot use bucket ")
        + bucket
        + ": "
        + failed.stream()
            .map(check -> check.action() + " (" + check.reason() + ")")
            .collect(Collectors.joining("; "))
        + ". See `ferry policy --bucket "
        + bucket
        + " --for "
        + kind.name().toLowerCase(Locale.ROOT)
        + "`.";
  }
}
