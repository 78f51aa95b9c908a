package dev.ferry.http;

import java.time.Instant;

/** What {@code GET /api/status} reports about the running server. */
public record ServerStatus(
    String version,
    Instant startedAt,
    long uptimeSeconds,
    String dataDir,
    long storeSizeBytes,
    String s3Endpoint) {}
