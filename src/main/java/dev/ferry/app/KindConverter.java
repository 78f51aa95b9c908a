package dev.ferry.app;

import dev.ferry.objectstore.IntegrationKind;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code import}, {@code tables} or {@code export} into an {@link IntegrationKind}. */
final class KindConverter implements ITypeConverter<IntegrationKind> {
  @Override
  public IntegrationKind convert(String value) {
    try {
      return IntegrationKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a kind of integration; use import, tables or export");
    }
  }
}
