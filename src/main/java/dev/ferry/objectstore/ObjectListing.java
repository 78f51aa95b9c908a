package dev.ferry.objectstore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param objects the objects of this page, in lexicographic (UTF-8 binary) key order
 * @param nextStartAfter the key to pass as {@code startAfter} for the next page; empty when there
 *     are no more keys
 */
public record ObjectListing(List<ObjectInfo> objects, Optional<String> nextStartAfter) {

  public ObjectListing {
    objects = List.copyOf(objects);
    Objects.requireNonNull(nextStartAfter, "nextStartAfter");
    if (nextStartAfter.isPresent() && objects.isEmpty()) {
      throw new IllegalArgumentException(
          "A listing with a next page must hold objects: " + nextStartAfter.get());
    }
  }

  public boolean hasMore() {
    return nextStartAfter.isPresent();
  }
}
