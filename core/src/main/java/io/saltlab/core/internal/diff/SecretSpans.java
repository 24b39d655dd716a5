package io.saltlab.core.internal.diff;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Finds, in YAML text, the source ranges of every Secret's data values (see {@link SecretMask}).
 */
final class SecretSpans {

  /**
   * Text that could spell {@code Secret} in a form a parser resolves: the word itself, an escape
   * ({@code "\x53ecret"}), a URI-escaped tag ({@code !<...%62inary>}) or a binary scalar. A text
   * without any of these holds no Secret, so it is not parsed at all.
   */
  private static final Pattern MAY_SPELL_SECRET = Pattern.compile("(?i)secret|\\\\|%|binary|\\x00");

  /** The annotation in which {@code kubectl apply} keeps the object it applied, data included. */
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private SecretSpans() {}

  /**
   * One value to hide.
   *
   * @param start first character of its source text
   * @param end one past its last character
   * @param identity what it is and holds (field, key and value), to pair the two sides of a diff
   */
  record Span(int start, int end, String identity) {}

  /**
   * What a text holds.
   *
   * @param spans the values to hide
   * @param secrets how many Secret objects were found
   * @param suspicious true when part of the text did not parse and could hold a Secret
   */
  record Found(List<Span> spans, int secrets, boolean suspicious) {}

  static Found find(String text) {
    return find(text, false);
  }

  /**
   * Finds the values to hide.
   *
   * @param text YAML text
   * @param strict parse even a text that cannot spell Secret, and call it suspicious when it does
   *     not parse: for the other side of a diff whose first side holds a Secret
   * @return what the text holds
   */
  static Found find(String text, boolean strict) {
    if (!strict && !MAY_SPELL_SECRET.matcher(text).find()) {
      return new Found(List.of(), 0, false);
    }
    if (text.indexOf('\0') >= 0) {
      // NULs are not YAML; a UTF-16 file decoded as UTF-8 looks like this, and kubectl reads it.
      return new Found(List.of(), 0, true);
    }
    Walker walker = new Walker(text);
    try {
      for (Node document : SecretMask.parser().composeAll(new StringReader(text))) {
        if (document != null) {
          walker.visit(document);
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      return new Found(List.of(), walker.secrets, true);
    }
    return new Found(walker.spans, walker.secrets, false);
  }

  /** Walks the node trees of a text's documents. */
  private static final class Walker {
    private final String text;
    private final int[] charAt;
    private final List<Span> spans = new ArrayList<>();
    private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private int secrets;

    Walker(String text) {
      this.text = text;
      this.charAt = codePointOffsets(text);
    }

    void visit(Node node) {
      if (!visited.add(node)) {
        return;
      }
      if (node instanceof MappingNode) {
        MappingNode m = (MappingNode) node;
        List<NodeTuple> tuples = tuples(m, 0);
        if (isSecret(tuples)) {
          secrets++;
          for (NodeTuple t : tuples) {
            String key = scalar(t.getKeyNode());
            if (key != null && isDataField(SecretMask.loose(key))) {
              hide(SecretMask.loose(key), t.getValueNode());
            } else if (key != null && SecretMask.loose(key).equals("metadata")) {
              hideLastApplied(t.getValueNode());
            }
          }
        }
        for (NodeTuple t : m.getValue()) {
          visit(t.getKeyNode());
          visit(t.getValueNode());
        }
      } else if (node instanceof SequenceNode) {
        for (Node item : ((SequenceNode) node).getValue()) {
          visit(item);
        }
      }
    }

    private static boolean isDataField(String key) {
      return key.equals("data") || key.equals("stringdata");
    }

    private boolean isSecret(List<NodeTuple> tuples) {
      for (NodeTuple t : tuples) {
        String key = scalar(t.getKeyNode());
        if (key != null && SecretMask.loose(key.strip()).equals("kind")) {
          String kind = scalar(t.getValueNode());
          if (kind != null && SecretMask.loose(kind.strip()).equals("secret")) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * Hides the annotation {@code kubectl apply} keeps of a Secret: the whole object as JSON, its
     * data included ({@code kubectl get secret -o yaml} writes it).
     */
    private void hideLastApplied(Node metadata) {
      if (!(metadata instanceof MappingNode)) {
        return;
      }
      for (NodeTuple t : tuples((MappingNode) metadata, 0)) {
        String key = scalar(t.getKeyNode());
        if (key != null
            && SecretMask.loose(key).equals("annotations")
            && t.getValueNode() instanceof MappingNode) {
          for (NodeTuple a : tuples((MappingNode) t.getValueNode(), 0)) {
            String name = scalar(a.getKeyNode());
            if (name != null && SecretMask.loose(name.strip()).equals(LAST_APPLIED)) {
              span(a.getValueNode(), "metadata.annotations." + LAST_APPLIED);
            }
          }
        }
      }
    }

    /** Hides each value of a data mapping, or the whole node when it is not a mapping. */
    private void hide(String field, Node value) {
      if (value instanceof MappingNode) {
        for (NodeTuple t : tuples((MappingNode) value, 0)) {
          String key = scalar(t.getKeyNode());
          span(t.getValueNode(), field + "." + (key == null ? "?" : key));
        }
      } else {
        span(value, field);
      }
    }

    private void span(Node node, String where) {
      int start = charIndex(node.getStartMark().getIndex());
      int end = charIndex(node.getEndMark().getIndex());
      if (end <= start) {
        return;
      }
      String value =
          node instanceof ScalarNode ? ((ScalarNode) node).getValue() : text.substring(start, end);
      spans.add(new Span(start, end, where + "\u0000" + value));
    }

    private int charIndex(int codePointIndex) {
      if (charAt == null) {
        return Math.min(codePointIndex, text.length());
      }
      return charAt[Math.min(codePointIndex, charAt.length - 1)];
    }

    /** A mapping's entries with merge keys ({@code <<: *base}) expanded, bounded in depth. */
    private static List<NodeTuple> tuples(MappingNode m, int depth) {
      List<NodeTuple> out = new ArrayList<>();
      for (NodeTuple t : m.getValue()) {
        Node key = t.getKeyNode();
        boolean merge =
            key instanceof ScalarNode
                && (Tag.MERGE.equals(key.getTag()) || "<<".equals(((ScalarNode) key).getValue()));
        if (merge && depth < SecretMask.MAX_DEPTH) {
          Node v = t.getValueNode();
          if (v instanceof MappingNode) {
            out.addAll(tuples((MappingNode) v, depth + 1));
          } else if (v instanceof SequenceNode) {
            for (Node item : ((SequenceNode) v).getValue()) {
              if (item instanceof MappingNode) {
                out.addAll(tuples((MappingNode) item, depth + 1));
              }
            }
          }
        }
        out.add(t);
      }
      return out;
    }

    /** A scalar's value as a reader would take it: a binary scalar is decoded. */
    private static String scalar(Node node) {
      if (!(node instanceof ScalarNode)) {
        return null;
      }
      String value = ((ScalarNode) node).getValue();
      if (Tag.BINARY.equals(node.getTag())) {
        try {
          return new String(
              Base64.getMimeDecoder().decode(value.replaceAll("\\s", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return value;
        }
      }
      return value;
    }

    /** Code point index to char index, or null when the text has no surrogate pairs. */
    private static int[] codePointOffsets(String text) {
      if (text.codePointCount(0, text.length()) == text.length()) {
        return null;
      }
      int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
      int cp = 0;
      for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
        offsets[cp++] = i;
      }
      offsets[cp] = text.length();
      return offsets;
    }
  }
}
