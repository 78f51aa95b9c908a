package dev.ferry.store;

import java.util.Iterator;

/**
 * Profiles in canonical-identity order, fetched lazily in pages so any number of them streams in
 * bounded memory. Close it when done (it releases the snapshot the store keeps for it); closing
 * twice is harmless. Failures while fetching surface as {@link StoreException}.
 */
public interface ProfileCursor extends Iterator<Profile>, AutoCloseable {

  @Override
  void close();
}
