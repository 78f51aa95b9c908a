package dev.ferry.ingest;

import dev.ferry.ingest.FileOutcome.Result;
import dev.ferry.objectstore.ObjectInfo;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run of one import (SPEC §2.3): matching files in alphanumeric key order, at most {@code
 * files-per-run} of them, within the time budget. Files already imported are skipped without
 * counting against {@code files-per-run}.
 */
final class ImportRun {
  private final ImportContext context;
  private final FileMatcher matcher;

  ImportRun(ImportContext context) {
    this.context = context;
    ImportDefinition definition = context.definition();
    this.matcher = new FileMatcher(definition.folder(), definition.baseFilename());
  }

  /** Runs, adding each file's outcome to {@code outcomes} as soon as it is known. */
  void run(List<FileOutcome> outcomes) {
    int started = 0;
    for (ObjectInfo file : matchingFiles()) {
      if (started >= context.definition().filesPerRun() || context.pastDeadline()) {
        break;
      }
      context.progress().expect(file.size());
      FileOutcome outcome = new FileImport(context, file).run();
      outcomes.add(outcome);
      if (outcome.result() != Result.SKIPPED) {
        started++;
      }
      if (outcome.result() == Result.UNFINISHED) {
        break;
      }
    }
  }

  private List<ObjectInfo> matchingFiles() {
    try (Stream<ObjectInfo> listing =
        context.objects().listAll(context.bucket(), matcher.listPrefix())) {
      return listing.filter(info -> matcher.matches(info.key())).toList();
    }
  }
}
