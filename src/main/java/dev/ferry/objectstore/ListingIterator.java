package dev.ferry.objectstore;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Follows {@link ObjectListing#nextStartAfter()} from page to page, fetching lazily. */
final class ListingIterator implements Iterator<ObjectInfo> {
  private final ObjectStore store;
  private final String bucket;
  private final String prefix;
  private Iterator<ObjectInfo> page = Collections.emptyIterator();
  private Optional<String> next = Optional.empty();
  private boolean started;

  ListingIterator(ObjectStore store, String bucket, String prefix) {
    this.store = store;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  @Override
  public boolean hasNext() {
    while (!page.hasNext() && (!started || next.isPresent())) {
      fetch();
    }
    return page.hasNext();
  }

  @Override
  public ObjectInfo next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.next();
  }

  private void fetch() {
    ObjectListing listing =
        store.list(bucket, prefix, next.orElse(null), ObjectStore.DEFAULT_PAGE_SIZE);
    started = true;
    page = listing.objects().iterator();
    next = listing.nextStartAfter();
  }
}
