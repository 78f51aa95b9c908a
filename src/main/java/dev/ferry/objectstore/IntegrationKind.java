package dev.ferry.objectstore;

import java.util.List;

/** What an integration does with its bucket, and so the S3 actions it needs. */
public enum IntegrationKind {
  /** Recurring CSV import: reads files, moves them to {@code completed_imports/}. */
  IMPORT(S3Action.GET_OBJECT, S3Action.PUT_OBJECT, S3Action.DELETE_OBJECT),
  /** Table replication: reads files only. */
  TABLES(S3Action.GET_OBJECT),
  /** Export: writes files, possibly as multipart uploads it may have to abort. */
  EXPORT(S3Action.PUT_OBJECT, S3Action.ABORT_MULTIPART_UPLOAD);

  private final List<S3Action> objectActions;

  IntegrationKind(S3Action... objectActions) {
    this.objectActions = List.of(objectActions);
  }

  /** The actions on objects under the prefix; every kind also needs {@code s3:ListBucket}. */
  public List<S3Action> objectActions() {
    return objectActions;
  }

  /** Every action, bucket-level first. */
  public List<S3Action> actions() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(S3Action.LIST_BUCKET), objectActions.stream())
        .toList();
  }

  /** The S3 actions a policy can grant to Ferry. */
  public enum S3Action {
    LIST_BUCKET("s3:ListBucket"),
    GET_OBJECT("s3:GetObject"),
    PUT_OBJECT("s3:PutObject"),
    DELETE_OBJECT("s3:DeleteObject"),
    ABORT_MULTIPART_UPLOAD("s3:AbortMultipartUpload");

    private final String policyName;

    S3Action(String policyName) {
      this.policyName = policyName;
    }

    /** The name in IAM policies, e.g. {@code s3:GetObject}. */
    public String policyName() {
      return policyName;
    }
  }
}
