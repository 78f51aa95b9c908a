package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void importNeedsListGetPutDelete() throws Exception {
    assertThat(actions(IntegrationKind.IMPORT))
        .containsExactly("s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject");
  }

  @Test
  void tablesNeedListAndGet() throws Exception {
    assertThat(actions(IntegrationKind.TABLES)).containsExactly("s3:ListBucket", "s3:GetObject");
  }

  @Test
  void exportNeedsListPutAndAbort() throws Exception {
    assertThat(actions(IntegrationKind.EXPORT))
        .containsExactly("s3:ListBucket", "s3:PutObject", "s3:AbortMultipartUpload");
  }

  @ParameterizedTest
  @EnumSource(IntegrationKind.class)
  void limitsListingAndObjectsToThePrefix(IntegrationKind kind) throws Exception {
    JsonNode policy = JSON.readTree(PolicyDocument.forKind(kind, "acme-data", "ferry/in/"));

    assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
    JsonNode list = policy.get("Statement").get(0);
    assertThat(list.get("Effect").asText()).isEqualTo("Allow");
    assertThat(list.get("Action")).containsExactly(JSON.valueToTree("s3:ListBucket"));
    assertThat(list.get("Resource").asText()).isEqualTo("arn:aws:s3:::acme-data");
    assertThat(list.at("/Condition/StringLike/s3:prefix").asText()).isEqualTo("ferry/in/*");
    JsonNode objects = policy.get("Statement").get(1);
    assertThat(objects.get("Resource").asText()).isEqualTo("arn:aws:s3:::acme-data/ferry/in/*");
    assertThat(policy.get("Statement")).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(IntegrationKind.class)
  void grantsTheWholeBucketWithoutAPrefix(IntegrationKind kind) throws Exception {
    JsonNode policy = JSON.readTree(PolicyDocument.forKind(kind, "acme-data", ""));

    assertThat(policy.get("Statement").get(0).has("Condition")).isFalse();
    assertThat(policy.get("Statement").get(1).get("Resource").asText())
        .isEqualTo("arn:aws:s3:::acme-data/*");
  }

  @ParameterizedTest
  @EnumSource(IntegrationKind.class)
  void namesNoWildcardAction(IntegrationKind kind) throws Exception {
    assertThat(actions(kind)).allSatisfy(action -> assertThat(action).doesNotContain("*"));
    assertThat(PolicyDocument.forKind(kind, "b", "p/")).contains("\n");
  }

  private static List<String> actions(IntegrationKind kind) throws Exception {
    JsonNode policy = JSON.readTree(PolicyDocument.forKind(kind, "bucket", "prefix/"));
    List<String> actions = new ArrayList<>();
    policy.get("Statement").forEach(s -> s.get("Action").forEach(a -> actions.add(a.asText())));
    return actions;
  }
}
