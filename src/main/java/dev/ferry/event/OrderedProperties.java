package dev.ferry.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The properties a record holds: an immutable map that keeps its entries in the order received,
 * stored as two arrays. Cheaper to build, hold and walk than a {@code LinkedHashMap} (an import
 * holds a batch of hundreds of thousands of them); lookups by name scan the names. Equal to any
 * {@link Map} with the same entries.
 */
public final class OrderedProperties extends AbstractMap<String, String> {
  private static final OrderedProperties EMPTY =
      new OrderedProperties(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  private OrderedProperties(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /**
   * The first {@code count} names and values, in order.
   *
   * @throws IllegalArgumentException if a name is empty, too long or given twice
   * @throws NullPointerException if a name or value is null
   */
  public static OrderedProperties of(String[] names, String[] values, int count) {
    if (count == 0) {
      return EMPTY;
    }
    String[] ownNames = new String[count];
    String[] ownValues = new String[count];
    for (int i = 0; i < count; i++) {
      ownNames[i] = Names.require("property name", names[i]);
      ownValues[i] = value(ownNames[i], values[i]);
      requireNew(ownNames, i);
    }
    return new OrderedProperties(ownNames, ownValues);
  }

  /** A copy of {@code properties} in its iteration order; the same object if already ordered. */
  static OrderedProperties copyOf(Map<String, String> properties) {
    if (properties instanceof OrderedProperties ordered) {
      return ordered;
    }
    String[] copyNames = new String[properties.size()];
    String[] copyValues = new String[properties.size()];
    int i = 0;
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      copyNames[i] = entry.getKey();
      copyValues[i++] = entry.getValue();
    }
    return of(copyNames, copyValues, i);
  }

  private static String value(String name, String value) {
    if (value == null) {
      throw new NullPointerException("value of property \"" + name + "\" must not be null");
    }
    return value;
  }

  private static void requireNew(String[] names, int index) {
    for (int i = 0; i < index; i++) {
      if (names[i].equals(names[index])) {
        throw new IllegalArgumentException("property \"" + names[index] + "\" is given twice");
      }
    }
  }

  /** The name of the {@code index}th property. */
  public String name(int index) {
    return names[index];
  }

  /** The value of the {@code index}th property. */
  public String value(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public String get(Object name) {
    int index = indexOf(name);
    return index < 0 ? null : values[index];
  }

  private int indexOf(Object name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }

  private final class Entries implements Iterator<Map.Entry<String, String>> {
    private int next;

    @Override
    public boolean hasNext() {
      return next < names.length;
    }

    @Override
    public Map.Entry<String, String> next() {
      if (next >= names.length) {
        throw new NoSuchElementException();
      }
      Map.Entry<String, String> entry = new SimpleImmutableEntry<>(names[next], values[next]);
      next++;
      return entry;
    }
  }
}
