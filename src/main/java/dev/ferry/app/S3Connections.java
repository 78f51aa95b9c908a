package dev.ferry.app;

import dev.ferry.config.FerryConfig;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.objectstore.S3Credentials;

/** Builds the S3 connection an external endpoint (or AWS itself) is reached with. */
final class S3Connections {
  private S3Connections() {}

  static S3Connection external(FerryConfig.S3 s3) {
    return new S3Connection(
        s3.endpoint(),
        s3.region(),
        s3.pathStyle(),
        credentials(s3),
        S3Connection.DEFAULT_PART_SIZE);
  }

  static S3Credentials credentials(FerryConfig.S3 s3) {
    if (s3.accessKey().isPresent()) {
      return new S3Credentials.StaticKeys(s3.accessKey().get(), s3.secretKey().orElseThrow());
    }
    if (s3.roleArn().isPresent()) {
      return new S3Credentials.AssumedRole(s3.roleArn().get(), s3.externalId(), "ferry");
    }
    return new S3Credentials.DefaultChain();
  }
}
