package dev.ferry.export.format;

import dev.ferry.store.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * CleverTap's CSV profile file (SPEC §5), UTF-8: the header {@code identity,all_identities,updated}
 * followed by one column per property name given up front (in the order given; the engine passes
 * the names of the file's profiles, sorted), then one row per profile:
 *
 * <pre>{@code
 * identity,all_identities,updated,plan
 * john,"[""john"",""john@example.com""]",20171109000015,pro
 * }</pre>
 *
 * <p>{@code all_identities} is the linked identities, in first-seen order, as the text of a JSON
 * array of strings (escaped as {@link KmJsonLine} escapes), so any identity, even one holding
 * {@code ;}, {@code ,} or quotes, splits back unambiguously with a JSON parser (DuckDB's {@code
 * from_json}, Python's {@code json.loads}). {@code updated} is the profile's latest timestamp in
 * UTC as {@code yyyyMMddHHmmss}. A property the profile lacks is an empty field, so a missing
 * property and an empty value read back the same.
 *
 * <p>A property named like a fixed column ({@code identity}, {@code all_identities}, {@code
 * updated}) or starting with {@code prop_} has its column headed {@code prop_} followed by its name
 * ({@code prop_identity}); a reader gets the name back by removing one leading {@code prop_}. The
 * event file ({@link CsvEventWriter}) follows the same rule.
 *
 * <p>Quoting is {@link CsvEventWriter}'s: RFC 4180 (fields holding a comma, a double quote, CR or
 * LF enclosed in double quotes, a double quote inside doubled), rows ended by LF, unpaired
 * surrogates as U+FFFD.
 */
public final class CsvProfileWriter implements ProfileWriter {
  private static final List<String> FIXED_COLUMNS =
      List.of("identity", "all_identities", "updated");

  private final CsvTable table;
  private final StringBuilder identities = new StringBuilder(64);

  /**
   * A writer of rows with the property columns {@code propertyNames}; the header is written at
   * once.
   *
   * @throws IllegalArgumentException if a name is given twice
   * @throws IOException if the header cannot be written
   */
  public CsvProfileWriter(OutputStream out, List<String> propertyNames) throws IOException {
    table = new CsvTable(out, FIXED_COLUMNS, propertyNames);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the profile has a property that is not one of the columns
   */
  @Override
  public void write(Profile profile) throws IOException {
    identities.setLength(0);
    KmJsonLine.array(identities, profile.allIdentities());
    table.fixed(0, profile.identity());
    table.fixed(1, identities.toString());
    table.fixed(2, Long.toString(Timestamps.number(profile.updated())));
    table.properties(profile.properties());
    table.writeRow();
  }

  @Override
  public void flush() throws IOException {
    table.flush();
  }

  @Override
  public void close() throws IOException {
    table.close();
  }
}
