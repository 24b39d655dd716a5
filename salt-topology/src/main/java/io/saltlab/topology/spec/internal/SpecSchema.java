package io.saltlab.topology.spec.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the JSON Schema (draft-07) of spec files from their definition, for editors: every key
 * with its description and default, closed sections (unknown keys are flagged as the reader flags
 * them), allowed values, bounds, and the rules between keys. The lab's own checks stay the last
 * word; where a pattern here is looser than they are, the reader's message says what is wrong.
 */
public final class SpecSchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SpecSchema() {}

  /**
   * The schema as text: two-space indentation, one newline at the end, the same bytes for the same
   * definition.
   *
   * @param root the top-level section, for example {@link LabKeys#root(List)}
   * @param title the schema's title
   * @param comment a note for maintainers, such as where the schema is generated from
   * @return the JSON text
   */
  public static String generate(SpecSection root, String title, String comment) {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("$comment", comment);
    schema.put("title", title);
    Map<String, SpecSection> named = new TreeMap<>();
    collect(root, named);
    section(schema, root);
    if (!named.isEmpty()) {
      ObjectNode definitions = schema.putObject("definitions");
      for (Map.Entry<String, SpecSection> e : named.entrySet()) {
        ObjectNode d = definitions.putObject(e.getKey());
        d.put("description", e.getValue().description());
        section(d, e.getValue());
      }
    }
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema tree is always writable", e);
    }
  }

  /** The named sections the definition reaches, each once. */
  private static void collect(SpecType type, Map<String, SpecSection> named) {
    if (type instanceof SpecSection s) {
      if (s.name() != null) {
        SpecSection other = named.putIfAbsent(s.name(), s);
        if (other != null && other != s) {
          throw new IllegalStateException("two sections are named " + s.name());
        }
      }
      s.keys().values().forEach(k -> collect(k.type(), named));
    } else if (type instanceof SpecType.ListOf l) {
      collect(l.item(), named);
    } else if (type instanceof SpecType.MapOf m) {
      collect(m.value(), named);
    } else if (type instanceof SpecType.Either e) {
      collect(e.section(), named);
    }
  }

  private static ObjectNode type(SpecType type) {
    ObjectNode out = NODES.objectNode();
    if (type instanceof SpecSection s && s.name() != null) {
      out.put("$ref", "#/definitions/" + s.name());
    } else if (type instanceof SpecSection s) {
      out.put("description", s.description());
      section(out, s);
    } else if (type instanceof SpecType.Scalar s) {
      scalar(out, s);
    } else if (type instanceof SpecType.ListOf l) {
      out.put("type", "array");
      out.set("items", type(l.item()));
    } else if (type instanceof SpecType.Free f) {
      // Checked by saltlab itself (a Kubernetes patch): only the shape is the schema's business.
      if (f.shape().equals("list")) {
        out.put("type", "array");
      } else if (f.shape().equals("mapping")) {
        out.put("type", "object");
      }
    } else if (type instanceof SpecType.MapOf m) {
      out.put("type", "object");
      if (m.keyPattern() != null) {
        out.putObject("propertyNames").put("pattern", m.keyPattern());
      }
      out.set("additionalProperties", type(m.value()));
    } else {
      SpecType.Either e = (SpecType.Either) type;
      ArrayNode any = out.putArray("anyOf");
      any.add(type(e.scalar()));
      any.add(type(e.section()));
    }
    return out;
  }

  private static void section(ObjectNode out, SpecSection section) {
    out.put("type", "object");
    ObjectNode properties = out.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (SpecKey key : section.keys().values()) {
      ObjectNode property = type(key.type());
      // The key's own description first: it says what the key is for in this place.
      ObjectNode ordered = NODES.objectNode();
      ordered.put("description", describe(key));
      if (key.defaultValue() != null) {
        ordered.set("default", MAPPER.valueToTree(key.defaultValue()));
      }
      property.remove("description");
      ordered.setAll(property);
      properties.set(key.name(), ordered);
      if (key.required()) {
        required.add(key.name());
      }
    }
    if (!required.isEmpty()) {
      out.set("required", required);
    }
    out.put("additionalProperties", false);
    if (!section.rules().isEmpty()) {
      ArrayNode all = out.putArray("allOf");
      for (SpecRule rule : section.rules()) {
        all.add(rule(rule));
      }
    }
  }

  /** The key's description, with the allowed values' meanings when it does not give them. */
  private static String describe(SpecKey key) {
    if (!(key.type() instanceof SpecType.Scalar s) || s.choices().isEmpty()) {
      return key.description();
    }
    StringBuilder out = new StringBuilder(key.description());
    boolean named = true;
    for (SpecType.Choice c : s.choices()) {
      named &= key.description().contains(c.value());
    }
    if (!named) {
      out.append(" One of: ");
      for (int i = 0; i < s.choices().size(); i++) {
        SpecType.Choice c = s.choices().get(i);
        out.append(i == 0 ? "" : "; ")
            .append(c.value())
            .append(" (")
            .append(c.meaning())
            .append(')');
      }
      out.append('.');
    }
    return out.toString();
  }

  private static void scalar(ObjectNode out, SpecType.Scalar s) {
    switch (s.kind()) {
      case WHOLE:
        out.put("type", "integer");
        break;
      case FLAG:
        out.put("type", "boolean");
        break;
      case TEXT_OR_WHOLE:
        out.putArray("type").add("string").add("integer");
        break;
      case TEXT_OR_NUMBER:
        out.putArray("type").add("string").add("number");
        break;
      default:
        out.put("type", "string");
    }
    if (!s.choices().isEmpty()) {
      ArrayNode values = out.putArray("enum");
      s.choices().forEach(c -> values.add(c.value()));
    }
    if (s.pattern() != null) {
      out.put("pattern", s.pattern());
    }
    if (s.minimum() != null) {
      out.put("minimum", s.minimum());
    }
    if (s.maximum() != null) {
      out.put("maximum", s.maximum());
    }
  }

  private static ObjectNode rule(SpecRule rule) {
    ObjectNode out = NODES.objectNode();
    if (rule instanceof SpecRule.OneOf one) {
      out.put(
          "description",
          (one.required() ? "exactly one of " : "at most one of ")
              + one.keys()
              + (one.unless() == null ? "" : ", unless " + one.unless() + " is given"));
      ObjectNode core = NODES.objectNode();
      if (one.required()) {
        ArrayNode oneOf = core.putArray("oneOf");
        one.keys().forEach(k -> oneOf.add(requiring(List.of(k))));
      } else {
        ArrayNode pairs = core.putObject("not").putArray("anyOf");
        for (int i = 0; i < one.keys().size(); i++) {
          for (int j = i + 1; j < one.keys().size(); j++) {
            pairs.add(requiring(List.of(one.keys().get(i), one.keys().get(j))));
          }
        }
      }
      if (one.unless() == null) {
        out.setAll(core);
      } else {
        out.set("if", requiring(List.of(one.unless())));
        out.set("else", core);
      }
    } else if (rule instanceof SpecRule.Excludes ex) {
      Map<String, String> sorted = new TreeMap<>(ex.reasons());
      out.put("description", "with " + ex.key() + ", none of " + sorted.keySet());
      out.set("if", requiring(List.of(ex.key())));
      ArrayNode any = out.putObject("then").putObject("not").putArray("anyOf");
      sorted.keySet().forEach(k -> any.add(requiring(List.of(k))));
    } else {
      SpecRule.RequiredUnless req = (SpecRule.RequiredUnless) rule;
      out.put("description", req.key() + " is required unless " + req.unless() + " is given");
      out.set("if", requiring(List.of(req.unless())));
      out.set("else", requiring(List.of(req.key())));
    }
    return out;
  }

  private static ObjectNode requiring(List<String> keys) {
    ObjectNode out = NODES.objectNode();
    ArrayNode required = out.putArray("required");
    keys.forEach(required::add);
    return out;
  }
}
