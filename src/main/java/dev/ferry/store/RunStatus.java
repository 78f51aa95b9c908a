package dev.ferry.store;

/** The state of a run. */
public enum RunStatus {
  /** Started and not finished (or the process died while it ran). */
  RUNNING,
  /** Finished with everything done. */
  SUCCEEDED,
  /** Finished with some work done and some failed or left for the next run. */
  PARTIAL,
  /** Finished without doing its work. */
  FAILED
}
