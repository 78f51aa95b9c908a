package dev.ferry.store;

import dev.ferry.event.Kind;
import dev.ferry.event.Record;
import java.util.List;
import java.util.Optional;

/**
 * The append-only log of records, in the order the store received them, with the checkpoints of the
 * objects they were read from.
 *
 * <p>Every appended record gets the next store-wide sequence number (1, 2, 3, … without gaps), its
 * received time from the store's clock, and a revision (see {@link Revisions}). Records are never
 * changed or removed.
 *
 * <p>Implementations are safe for use from several threads; appends are serialized.
 */
public interface RecordStore {

  /**
   * Appends {@code batch} in its order and upserts {@code checkpoint} in one transaction: after a
   * failure (a {@link StoreException}) neither the records nor the checkpoint are stored, and no
   * sequence or revision number has been used up. An empty batch only writes the checkpoint.
   */
  Appended append(List<SourcedRecord> batch, Checkpoint checkpoint);

  /** Appends {@code batch} in one transaction, without a checkpoint (e.g. from the API). */
  Appended append(List<SourcedRecord> batch);

  /** Appends records that all share {@code source}, e.g. one API request. */
  default Appended append(List<? extends Record> records, Source source) {
    return append(records.stream().map(record -> new SourcedRecord(record, source)).toList());
  }

  /**
   * The checkpoint last stored for this version of the object (key, ETag and size), or empty when
   * none was. A checkpoint of the same key with another ETag or size is not returned.
   */
  Optional<Checkpoint> checkpoint(String integration, String objectKey, String etag, long size);

  /** The ledger of {@code integration}: all its checkpoints, by object key, ETag and size. */
  List<Checkpoint> checkpoints(String integration);

  /**
   * The records matching {@code query}, in receive order (ascending sequence), at most {@code
   * query.limit()}. Filters are applied by the store, not after fetching.
   */
  List<StoredRecord> find(RecordQuery query);

  /**
   * The records with sequence {@code first} to {@code last} (both inclusive) in sequence order.
   * Sequences past the end are simply absent.
   */
  RecordCursor read(long first, long last);

  /** The records of revision {@code revision} in sequence order; none if it does not exist. */
  RecordCursor readRevision(long revision);

  /**
   * The records of revision {@code revision} in sequence order, each as its line of a Kissmetrics
   * revision file (SPEC §4), without the line break: {@code _p}, {@code _t} (epoch seconds, rounded
   * down), {@code _n} for events, then the properties in the order received, every value a JSON
   * string; alias lines hold {@code _p}, {@code _t} and {@code _p2} only. Strings are escaped as
   * Jackson escapes them (short escapes for {@code \b \f \n \r \t}, six-character escapes,
   * upper-case hex, for other control characters, everything else as it is). None if the revision
   * does not exist.
   *
   * <p>This is the export's fast path: a store may build the lines itself instead of handing out
   * records to be encoded again. It must give the same text as encoding {@link
   * #readRevision(long)}'s records.
   */
  LineCursor readRevisionLines(long revision);

  /** How many records are stored. */
  long count();

  /** How many records of {@code kind} are stored. */
  long count(Kind kind);
}
