package dev.ferry.objectstore;

import java.util.Objects;

/**
 * The verdict on one S3 action for an integration's bucket.
 *
 * @param action the IAM action, e.g. {@code s3:GetObject}
 * @param reason what was tried and what happened; never a secret
 */
public record PermissionCheck(String action, Outcome outcome, String reason) {

  public PermissionCheck {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  /** What the check found out about the action. */
  public enum Outcome {
    /** The store allowed a request that needs the action. */
    GRANTED,
    /** The store denied a request that needs the action. */
    MISSING,
    /** No request could tell, e.g. there was no object to read; the reason says why. */
    NOT_VERIFIED
  }
}
