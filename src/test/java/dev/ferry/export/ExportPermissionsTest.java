package dev.ferry.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.EventExportDefinition.Recurring;
import dev.ferry.export.EventExportDefinition.Type;
import dev.ferry.integration.BucketAccess;
import dev.ferry.objectstore.IntegrationKind;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.PermissionCheck.Outcome;
import dev.ferry.objectstore.S3Connection;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.store.RevisionPolicy;
import dev.ferry.store.RunStatus;
import dev.ferry.testing.Fault;
import dev.ferry.testing.FaultyProxy;
import dev.ferry.testing.FaultyProxy.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5: the destination needs only {@code s3:ListBucket} and {@code s3:PutObject} (plus {@code
 * s3:AbortMultipartUpload}). A proxy in front of the embedded S3 plays the bucket policy: it
 * answers {@code 403 AccessDenied} to every other action (reading, heading or deleting an object,
 * bucket location, listing uploads, ...), as S3 would.
 */
class ExportPermissionsTest {
  private static final String BUCKET = ExportFixture.BUCKET;

  @TempDir Path dir;

  /** Whether the policy refuses {@code request}: all but ListBucket, PutObject, AbortMultipart. */
  static boolean denied(Request request) {
    String path = request.path();
    String query = request.query();
    boolean bucket = path.equals("/" + BUCKET) || path.equals("/" + BUCKET + "/");
    boolean object = path.startsWith("/" + BUCKET + "/") && !bucket;
    boolean listBucket =
        bucket
            && (request.method().equals("HEAD")
                || (request.method().equals("GET")
                    && !query.contains("location")
                    && !query.contains("uploads")));
    boolean putObject =
        object
            && (request.method().equals("PUT")
                || (request.method().equals("POST")
                    && (query.contains("uploads") || query.contains("uploadId"))));
    boolean abortUpload = object && request.method().equals("DELETE") && query.contains("uploadId");
    return !(listBucket || putObject || abortUpload);
  }

  @Test
  void eventAndProfileExportsInEveryFormatSucceedWithOnlyThoseActions() {
    try (PolicyRoute route = new PolicyRoute();
        ExportFixture fixture = new ExportFixture(dir, RevisionPolicy.DEFAULT, route)) {
      fixture.append(EventExportTest.sample(0), Duration.ofMinutes(1));
      try (ObjectStore objects = S3ObjectStore.connect(route.apply(fixture.s3.connection()))) {
        BucketAccess.require(
            objects,
            IntegrationKind.EXPORT,
            BUCKET,
            "",
            Set.of(Outcome.MISSING, Outcome.NOT_VERIFIED));
      }

      int exports = 0;
      for (Type type : List.of(Type.ALL_EVENTS, Type.PROFILES)) {
        for (Format format : Format.values()) {
          EventExportDefinition definition =
              ExportFixture.events(
                  "p" + exports++,
                  type,
                  List.of(),
                  format,
                  new Recurring(Duration.ofHours(4)),
                  1_000);
          assertThat(fixture.run(definition).status())
              .as(type + " " + format)
              .isEqualTo(RunStatus.SUCCEEDED);
        }
      }

      assertThat(fixture.keys()).filteredOn(k -> k.endsWith("-manifest.json")).hasSize(exports);
      assertThat(route.proxy.requests()).isGreaterThan(20);
      assertThat(route.proxy.injected(Fault.ACCESS_DENIED)).as("requests refused").isZero();
    }
  }

  @Test
  void thePolicyRefusesReadingAnObject() {
    try (PolicyRoute route = new PolicyRoute();
        ExportFixture fixture = new ExportFixture(dir, RevisionPolicy.DEFAULT, route)) {
      fixture.raw.putObject(
          b -> b.bucket(BUCKET).key("k"),
          software.amazon.awssdk.core.sync.RequestBody.fromString("v"));
      try (ObjectStore objects = S3ObjectStore.connect(route.apply(fixture.s3.connection()))) {
        assertThatThrownBy(() -> objects.open(BUCKET, "k", 0).readAllBytes())
            .hasMessageContaining("403");
        assertThatThrownBy(() -> objects.delete(BUCKET, "k")).hasMessageContaining("403");
      }
      assertThat(route.proxy.injected(Fault.ACCESS_DENIED)).isGreaterThanOrEqualTo(2);
    }
  }

  /** Routes the exporter through a proxy that denies what the policy does not grant. */
  private static final class PolicyRoute
      implements Function<S3Connection, S3Connection>, AutoCloseable {
    private FaultyProxy proxy;

    @Override
    public synchronized S3Connection apply(S3Connection direct) {
      if (proxy == null) {
        proxy =
            FaultyProxy.to(direct.endpoint().orElseThrow())
                .deny(ExportPermissionsTest::denied)
                .start();
      }
      return S3Connection.endpoint(proxy.endpoint(), direct.credentials());
    }

    @Override
    public synchronized void close() {
      if (proxy != null) {
        proxy.close();
      }
    }
  }
}
