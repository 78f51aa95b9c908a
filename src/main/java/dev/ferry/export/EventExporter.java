package dev.ferry.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.export.EventExportDefinition.Format;
import dev.ferry.export.EventExportDefinition.Type;
import dev.ferry.faults.CrashPoints;
import dev.ferry.integration.IntegrationRuns;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.store.EventExports;
import dev.ferry.store.EventExports.EventGroup;
import dev.ferry.store.ExportActivity;
import dev.ferry.store.ExportActivity.Entry;
import dev.ferry.store.ExportActivity.ExportedFile;
import dev.ferry.store.ExportSelection;
import dev.ferry.store.Profile;
import dev.ferry.store.ProfileCursor;
import dev.ferry.store.Profiles;
import dev.ferry.store.RecordStore;
import dev.ferry.store.RunStatus;
import dev.ferry.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs event and profile exports (SPEC §5): picks the run's window ({@link EventWindows}), writes
 * its files split by event name and day and chunked, uploads each as soon as it is complete, then
 * the manifest, and records the outcome in the activity log. Groups are written on {@link #THREADS}
 * threads, so compression uses both cores.
 */
public final class EventExporter {
  /** How many groups are written at once. */
  static final int THREADS = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordStore records;
  private final EventExports reads;
  private final Profiles profiles;
  private final ExportActivity activity;
  private final EventWindows windows;
  private final Path spool;
  private final String databaseId;
  private final Clock clock;

  /**
   * @param spool a directory for files on their way to the bucket; its content may be deleted
   *     whenever no export runs
   * @param databaseId the installation's id, the last part of file names
   */
  public EventExporter(
      RecordStore records,
      EventExports reads,
      Profiles profiles,
      ExportActivity activity,
      Path spool,
      String databaseId,
      Clock clock) {
    this.records = records;
    this.reads = reads;
    this.profiles = profiles;
    this.activity = activity;
    this.windows = new EventWindows(activity);
    this.spool = spool;
    this.databaseId = databaseId;
    this.clock = clock;
  }

  /** An exporter over {@code store}'s records, event reads, profiles and activity log. */
  public static EventExporter over(Store store, Path spool, String databaseId, Clock clock) {
    return new EventExporter(
        store.records(),
        store.eventExports(),
        store.profiles(),
        store.activity(),
        spool,
        databaseId,
        clock);
  }

  /**
   * Runs {@code definition}'s next window against {@code objects}. A failure is recorded in the
   * activity log and rethrown; the next run retries the same window with the same keys.
   */
  public ExportOutcome run(
      EventExportDefinition definition, ObjectStore objects, ExportProgress progress) {
    Optional<Entry> next = windows.next(definition, clock.instant(), records.count());
    if (next.isEmpty()) {
      return new ExportOutcome(RunStatus.SUCCEEDED, "{\"window\":null}", List.of());
    }
    Entry window = next.get();
    activity.running(definition.name(), window.windowEnd(), clock.instant());
    try {
      List<ExportedFile> files = write(definition, window, objects, progress);
      activity.done(definition.name(), window.windowEnd(), files, clock.instant());
      return new ExportOutcome(RunStatus.SUCCEEDED, details(window, files), List.of());
    } catch (RuntimeException e) {
      activity.failed(
          definition.name(), window.windowEnd(), IntegrationRuns.message(e), clock.instant());
      throw e;
    }
  }

  private List<ExportedFile> write(
      EventExportDefinition definition,
      Entry window,
      ObjectStore objects,
      ExportProgress progress) {
    createSpool();
    EventFileKeys keys = new EventFileKeys(definition, window.windowEnd(), databaseId);
    ExportSelection selection = EventWindows.selection(definition, window);
    Uploads uploads = new Uploads(objects, definition.bucket(), progress);
    List<ExportedFile> files =
        definition.type() == Type.PROFILES
            ? new ProfileFiles(definition, reads, profiles, spool)
                .write(selection, window, keys, uploads)
            : events(definition, selection, keys, uploads, progress);
    CrashPoints.reach("event-export-before-manifest");
    List<ExportedFile> all = new ArrayList<>(files);
    all.add(
        uploads.manifest(
            keys.manifest(), Manifest.bytes(definition, window, databaseId, files), spool));
    return all;
  }

  private List<ExportedFile> events(
      EventExportDefinition definition,
      ExportSelection selection,
      EventFileKeys keys,
      Uploads uploads,
      ExportProgress progress) {
    List<EventGroup> groups = reads.groups(selection);
    progress.expect(groups.size());
    Map<String, String> safe =
        EventFileKeys.safeNames(groups.stream().map(EventGroup::eventName).distinct().toList());
    EventGroupFiles writer =
        new EventGroupFiles(
            definition,
            reads,
            selection,
            definition.format() == Format.XML ? identities(selection) : Map.of(),
            spool);
    return new GroupPool(THREADS)
        .run(
            groups,
            group -> {
              List<ExportedFile> written = new ArrayList<>();
              writer.write(
                  group,
                  (index, file, rows) ->
                      written.add(
                          uploads.put(
                              keys.data(safe.get(group.eventName()), group.day(), index),
                              file,
                              rows)));
              progress.published();
              return written;
            });
  }

  private void createSpool() {
    try {
      Files.createDirectories(spool);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to create the export spool " + spool, e);
    }
  }

  /** Each identity's linked identities as of the window's end. */
  private Map<String, List<String>> identities(ExportSelection selection) {
    Map<String, List<String>> linked = new HashMap<>();
    try (ProfileCursor cursor = profiles.profiles(selection.upToSequence())) {
      while (cursor.hasNext()) {
        Profile profile = cursor.next();
        for (String identity : profile.allIdentities()) {
          linked.put(identity, profile.allIdentities());
        }
      }
    }
    return linked;
  }

  private static String details(Entry window, List<ExportedFile> files) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("requestId", window.requestId());
    details.put("windowStart", window.windowStart().toString());
    details.put("windowEnd", window.windowEnd().toString());
    details.put("files", files.size());
    details.put(
        "rows", files.stream().filter(f -> !f.manifest()).mapToLong(ExportedFile::rows).sum());
    details.put("bytes", files.stream().mapToLong(ExportedFile::bytes).sum());
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Uploads finished files and says what was written. */
  static final class Uploads {
    private final ObjectStore objects;
    private final String bucket;
    private final ExportProgress progress;

    Uploads(ObjectStore objects, String bucket, ExportProgress progress) {
      this.objects = objects;
      this.bucket = bucket;
      this.progress = progress;
    }

    ExportedFile put(String key, Path file, long rows) throws IOException {
      long bytes = Files.size(file);
      objects.put(bucket, key, file);
      progress.wrote(rows, bytes);
      CrashPoints.reach("event-export-uploaded");
      return new ExportedFile(key, rows, bytes, false);
    }

    ExportedFile manifest(String key, byte[] manifest, Path spool) {
      try {
        Path file = Files.createTempFile(spool, "manifest-", ".part");
        try {
          Files.write(file, manifest);
          objects.put(bucket, key, file);
        } finally {
          Files.deleteIfExists(file);
        }
        return new ExportedFile(key, 0, manifest.length, true);
      } catch (IOException e) {
        throw new UncheckedIOException("Failed to spool the manifest " + key, e);
      }
    }
  }
}
