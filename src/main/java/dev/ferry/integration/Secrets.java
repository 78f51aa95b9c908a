package dev.ferry.integration;

/** Whether settings written back show secrets: masked for people, kept for the store. */
public enum Secrets {
  MASKED,
  KEPT
}
