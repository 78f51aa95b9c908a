package dev.ferry.app;

import dev.ferry.objectstore.EmbeddedS3;
import java.io.PrintWriter;

/**
 * What {@code ferry server} prints on standard output once it is ready: where the API is and, for
 * the embedded S3, the endpoint and keys the AWS CLI needs. Printed once, never logged.
 */
final class Banner {
  private Banner() {}

  static void print(FerryServer server, PrintWriter out) {
    out.println("Ferry " + FerryVersion.current() + " is running.");
    out.println("  REST API     " + server.apiUrl() + "   (./ferry status)");
    server.embeddedS3().ifPresent(s3 -> printEmbeddedS3(s3, out));
    out.println("Stop with Ctrl-C.");
    out.flush();
  }

  private static void printEmbeddedS3(EmbeddedS3 s3, PrintWriter out) {
    String endpoint = s3.endpoint().toString();
    out.println("  Embedded S3  " + endpoint + "   (region us-east-1, path-style)");
    out.println("    AWS_ACCESS_KEY_ID=" + s3.keys().accessKey());
    out.println("    AWS_SECRET_ACCESS_KEY=" + s3.keys().secretKey());
    out.println("  Try it:");
    out.println(
        "    export AWS_ACCESS_KEY_ID="
            + s3.keys().accessKey()
            + " AWS_SECRET_ACCESS_KEY="
            + s3.keys().secretKey()
            + " AWS_DEFAULT_REGION=us-east-1");
    out.println("    aws --endpoint-url " + endpoint + " s3 mb s3://demo");
  }
}
