package io.saltlab.examples;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relative links of a Markdown file that lead nowhere: a file or folder that does not
 * exist, a path that leaves the repository, or an anchor that no heading of the target page (or of
 * the page itself) produces. Links with a scheme ({@code https:}, {@code mailto:}) are not
 * followed: the build never goes on the network.
 */
final class MarkdownLinks {

  /** {@code [text](target "title")} and {@code ![alt](target)}; the text may hold brackets. */
  private static final Pattern INLINE =
      Pattern.compile(
          "!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*])*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  /** {@code [label]: target} reference definitions. */
  private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?([^\\s>]+)>?");

  /** {@code <a href="...">} and {@code <img src="...">} written as HTML. */
  private static final Pattern HTML =
      Pattern.compile("<(?:a|img)\\s[^>]*?(?:href|src)=\"([^\"]*)\"");

  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

  /** One link found in a page, where it is written. */
  record Link(Path file, int line, String target) {}

  private final Path root;
  private final Map<Path, Set<String>> anchors = new HashMap<>();

  /**
   * Checks links of pages under one repository root.
   *
   * @param root the repository root; no link may lead outside it
   */
  MarkdownLinks(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Every link of a page, code blocks and code spans left out (they show syntax, not links).
   *
   * @param file the Markdown page
   * @return its links in reading order
   * @throws IOException if the page cannot be read
   */
  List<Link> links(Path file) throws IOException {
    List<Link> out = new ArrayList<>();
    int number = 0;
    boolean inFence = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      String text = CODE_SPAN.matcher(line).replaceAll("");
      for (Pattern p : List.of(INLINE, REFERENCE, HTML)) {
        Matcher m = p.matcher(text);
        while (m.find()) {
          out.add(new Link(file, number, m.group(1)));
        }
      }
    }
    return out;
  }

  /**
   * Why a link is dead, or null when it leads somewhere (or is not a repository link).
   *
   * @param link a link from {@link #links(Path)}
   * @return the reason, or null
   * @throws IOException if a target page cannot be read for its headings
   */
  String problem(Link link) throws IOException {
    String target = link.target();
    if (target.isEmpty()) {
      return "empty link target";
    }
    if (SCHEME.matcher(target).find() || target.startsWith("//")) {
      return null;
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = link.file().toAbsolutePath().normalize();
    if (!pathPart.isEmpty()) {
      String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
      Path base = decoded.startsWith("/") ? root : resolved.getParent();
      resolved = base.resolve(decoded.replaceFirst("^/+", "")).normalize();
      if (!resolved.startsWith(root)) {
        return "leads outside the repository (" + resolved + ")";
      }
      if (!Files.exists(resolved)) {
        return "no such file: " + root.relativize(resolved);
      }
    }
    if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")) {
      if (!anchors(resolved).contains(anchor.toLowerCase(Locale.ROOT))) {
        return "no heading makes the anchor #" + anchor + " in " + root.relativize(resolved);
      }
    }
    return null;
  }

  private Set<String> anchors(Path page) throws IOException {
    Set<String> known = anchors.get(page);
    if (known != null) {
      return known;
    }
    Set<String> slugs = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (!inFence && m.matches()) {
        String slug = slug(m.group(1));
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        slugs.add(n == 0 ? slug : slug + "-" + n);
      }
    }
    anchors.put(page, slugs);
    return slugs;
  }

  /**
   * The anchor GitHub gives a heading: its text without Markdown marks, lower case, punctuation
   * other than '-' and '_' dropped, spaces turned into '-'.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1");
    text = text.replace("`", "").replace("*", "");
    text = text.toLowerCase(Locale.ROOT);
    text = text.replaceAll("[^\\p{L}\\p{N} _-]", "");
    return text.replace(' ', '-');
  }
}
