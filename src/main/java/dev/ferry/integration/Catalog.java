package dev.ferry.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.integration.IntegrationException.Reason;
import dev.ferry.store.IntegrationDefinitions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The saved definitions of one kind of integration: settings maps kept as JSON in the store's
 * integrations table, secrets included. Names are unique across all kinds.
 *
 * @param <D> the kind's definition
 */
public final class Catalog<D> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IntegrationDefinitions definitions;
  private final String kind;
  private final String noun;
  private final Codec<D> codec;

  /** How one kind of integration reads and writes its definitions. */
  public interface Codec<D> {
    /**
     * Reads a settings map.
     *
     * @param path how errors name the entry, e.g. {@code imports[2].}; empty for a REST body
     * @throws DefinitionException naming the setting and the value
     */
    D read(String path, Map<String, ?> settings);

    /** The settings map {@link #read} accepts. */
    Map<String, Object> write(D definition, Secrets secrets);

    String name(D definition);
  }

  /**
   * @param kind the kind stored with each definition, also what it is called in messages, e.g.
   *     {@code import}
   */
  public Catalog(IntegrationDefinitions definitions, String kind, Codec<D> codec) {
    this(definitions, kind, kind, codec);
  }

  /**
   * @param kind the kind stored with each definition, e.g. {@code tables}
   * @param noun what one definition is called in messages, e.g. {@code table integration}
   */
  public Catalog(IntegrationDefinitions definitions, String kind, String noun, Codec<D> codec) {
    this.definitions = definitions;
    this.kind = kind;
    this.noun = noun;
    this.codec = codec;
  }

  /**
   * Saves the definitions of a {@code ferry.yaml} list without validating them against their
   * buckets, replacing same-named ones of this kind.
   *
   * @param list the list's key, e.g. {@code imports}, for error messages
   */
  public void declare(String list, List<Map<String, Object>> declared) {
    for (int i = 0; i < declared.size(); i++) {
      String path = list + "[" + i + "].";
      D definition = codec.read(path, declared.get(i));
      otherKind(codec.name(definition))
          .ifPresent(
              other -> {
                throw new DefinitionException(
                    "Invalid setting "
                        + path
                        + "name = '"
                        + codec.name(definition)
                        + "': an integration of kind "
                        + other
                        + " has this name");
              });
      save(definition);
    }
  }

  /** Reads, validates and saves a new definition; its name must be free. */
  public D create(Map<String, ?> settings, Consumer<D> validate) {
    D definition = codec.read("", settings);
    String name = codec.name(definition);
    if (definitions.find(name).isPresent()) {
      throw new IntegrationException(
          Reason.ALREADY_EXISTS, "An integration named '" + name + "' exists");
    }
    validate.accept(definition);
    save(definition);
    return definition;
  }

  /**
   * Reads, validates and saves new settings for the definition {@code name}. Secrets sent back
   * masked ({@code ****}, as answers show them) keep their stored value.
   */
  public D replace(String name, Map<String, ?> settings, Consumer<D> validate) {
    Map<String, Object> stored = codec.write(find(name), Secrets.KEPT);
    D definition = codec.read("", S3Settings.keepMaskedSecrets(settings, stored));
    if (!codec.name(definition).equals(name)) {
      throw new DefinitionException(
          "Invalid setting name = '"
              + codec.name(definition)
              + "': "
              + article()
              + noun
              + " cannot be renamed");
    }
    validate.accept(definition);
    save(definition);
    return definition;
  }

  /** Every definition of this kind, by name. */
  public List<D> list() {
    return definitions.list(kind).stream().map(d -> parse(d.json())).toList();
  }

  /**
   * @throws IntegrationException with {@link Reason#NOT_FOUND} when there is no definition of this
   *     kind named {@code name}
   */
  public D find(String name) {
    return definitions
        .find(name)
        .filter(d -> d.kind().equals(kind))
        .map(d -> parse(d.json()))
        .orElseThrow(
            () ->
                new IntegrationException(Reason.NOT_FOUND, "No " + noun + " named '" + name + "'"));
  }

  public void delete(String name) {
    find(name);
    definitions.delete(name);
  }

  private String article() {
    return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
  }

  private Optional<String> otherKind(String name) {
    return definitions.find(name).map(d -> d.kind()).filter(k -> !k.equals(kind));
  }

  private void save(D definition) {
    try {
      String json = JSON.writeValueAsString(codec.write(definition, Secrets.KEPT));
      definitions.put(codec.name(definition), kind, json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Failed to save " + kind + " " + codec.name(definition), e);
    }
  }

  private D parse(String json) {
    try {
      return codec.read("", JSON.readValue(json, new TypeReference<Map<String, Object>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Failed to read a saved " + kind + " definition", e);
    }
  }
}
