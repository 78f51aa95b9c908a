package dev.ferry.objectstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The least-privilege IAM policy an integration needs for its bucket and prefix. */
public final class PolicyDocument {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocument() {}

  /**
   * The policy as pretty-printed JSON: {@code s3:ListBucket} on the bucket (limited to the prefix
   * when one is given) and exactly the kind's object actions on {@code bucket/prefix*}.
   *
   * @param prefix key prefix; empty or {@code null} grants the whole bucket
   */
  public static String forKind(IntegrationKind kind, String bucket, String prefix) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("Bucket must not be blank: '" + bucket + "'");
    }
    String keys = prefix == null ? "" : prefix;
    ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    statements.add(listStatement(bucket, keys));
    statements.add(objectStatement(kind, bucket, keys));
    return pretty(policy);
  }

  private static ObjectNode listStatement(String bucket, String prefix) {
    ObjectNode statement = statement("ListBucket", List.of(IntegrationKind.S3Action.LIST_BUCKET));
    statement.put("Resource", "arn:aws:s3:::" + bucket);
    if (!prefix.isEmpty()) {
      statement.putObject("Condition").putObject("StringLike").put("s3:prefix", prefix + "*");
    }
    return statement;
  }

  private static ObjectNode objectStatement(IntegrationKind kind, String bucket, String prefix) {
    ObjectNode statement = statement("Objects", kind.objectActions());
    statement.put("Resource", "arn:aws:s3:::" + bucket + "/" + prefix + "*");
    return statement;
  }

  private static ObjectNode statement(String id, List<IntegrationKind.S3Action> actions) {
    ObjectNode statement = JSON.createObjectNode().put("Sid", "Ferry" + id).put("Effect", "Allow");
    ArrayNode names = statement.putArray("Action");
    actions.forEach(action -> names.add(action.policyName()));
    return statement;
  }

  private static String pretty(ObjectNode policy) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Failed to write policy JSON: " + e.getMessage(), e);
    }
  }
}
