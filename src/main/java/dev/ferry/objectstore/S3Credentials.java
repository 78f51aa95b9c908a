package dev.ferry.objectstore;

import java.util.Objects;
import java.util.Optional;

/** Where the S3 client gets its credentials. {@code toString()} never shows a secret. */
public sealed interface S3Credentials {

  /** The AWS default chain: environment, system properties, profile, container or instance role. */
  record DefaultChain() implements S3Credentials {}

  /** A fixed access key and secret key. */
  record StaticKeys(String accessKey, String secretKey) implements S3Credentials {

    public StaticKeys {
      requireText(accessKey, "accessKey");
      requireText(secretKey, "secretKey");
    }

    @Override
    public String toString() {
      return "StaticKeys[accessKey=" + accessKey + ", secretKey=****]";
    }
  }

  /**
   * A role assumed through STS with the default chain's credentials.
   *
   * @param externalId the external id the role's trust policy demands, if any
   * @param sessionName the name of the session as it appears in CloudTrail
   */
  record AssumedRole(String roleArn, Optional<String> externalId, String sessionName)
      implements S3Credentials {

    public AssumedRole {
      requireText(roleArn, "roleArn");
      Objects.requireNonNull(externalId, "externalId");
      requireText(sessionName, "sessionName");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank: '" + value + "'");
    }
  }
}
