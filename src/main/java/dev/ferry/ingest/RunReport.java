package dev.ferry.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.ferry.ingest.FileOutcome.Result;
import dev.ferry.store.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run record's details for an import run: totals and one entry per file. */
final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  private RunReport() {}

  static RunStatus status(List<FileOutcome> outcomes) {
    boolean incomplete =
        outcomes.stream()
            .anyMatch(o -> o.result() == Result.FAILED || o.result() == Result.UNFINISHED);
    return incomplete ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
  }

  static List<String> errors(List<FileOutcome> outcomes) {
    List<String> errors = new ArrayList<>();
    outcomes.forEach(o -> o.error().ifPresent(errors::add));
    return errors;
  }

  static String details(List<FileOutcome> outcomes) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("filesCompleted", count(outcomes, Result.COMPLETED));
    details.put("filesUnfinished", count(outcomes, Result.UNFINISHED));
    details.put("filesFailed", count(outcomes, Result.FAILED));
    details.put("filesSkipped", count(outcomes, Result.SKIPPED));
    details.put("rowsRead", outcomes.stream().mapToLong(FileOutcome::rowsRead).sum());
    details.put("recordsImported", outcomes.stream().mapToLong(FileOutcome::recordsImported).sum());
    details.put("rowsRejected", outcomes.stream().mapToLong(FileOutcome::rowsRejected).sum());
    details.put("bytesRead", outcomes.stream().mapToLong(FileOutcome::bytesRead).sum());
    details.put("files", outcomes);
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Failed to write a run report", e);
    }
  }

  private static long count(List<FileOutcome> outcomes, Result result) {
    return outcomes.stream().filter(o -> o.result() == result).count();
  }
}
