/**
 * The store's ports: {@link dev.ferry.store.Store} aggregates the record log ({@link
 * dev.ferry.store.RecordStore}, with checkpoints appended in the same transaction as their
 * records), its {@link dev.ferry.store.Revisions}, the {@link dev.ferry.store.Profiles} derived
 * from it, the {@link dev.ferry.store.RunRecords} and the {@link
 * dev.ferry.store.IntegrationDefinitions}. Driver-free; adapters live in sub-packages and are wired
 * by {@code dev.ferry.app}.
 */
package dev.ferry.store;
