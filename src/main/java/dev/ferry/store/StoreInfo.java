package dev.ferry.store;

/**
 * Facts about the store's storage.
 *
 * @param location where the data lives (a file path or a database URL without credentials)
 * @param sizeBytes the size of the database file(s) in bytes
 */
public record StoreInfo(String location, long sizeBytes) {}
