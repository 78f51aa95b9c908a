/**
 * What every kind of integration shares: reading settings maps ({@link
 * dev.ferry.integration.Fields}, {@link dev.ferry.integration.S3Settings}), keeping definitions in
 * the store under names unique across kinds ({@link dev.ferry.integration.Catalog}), checking a
 * bucket before saving ({@link dev.ferry.integration.BucketAccess}) and running them without
 * overlap, on demand or when due ({@link dev.ferry.integration.IntegrationRuns}). Depends on the
 * {@code objectstore} and {@code store} ports only.
 */
package dev.ferry.integration;
