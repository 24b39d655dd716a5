package io.saltlab.core.render;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.core.json.JsonWriteContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns an object into a Jackson tree as {@link ObjectMapper#valueToTree} does, but builds the
 * nodes while the object is serialized instead of buffering tokens and reading them back.
 *
 * <p>It only handles what bean serialization of Kubernetes model objects writes: objects, arrays,
 * field names, strings, booleans, nulls, binary data and int, long, BigInteger and double numbers,
 * each becoming the node {@code valueToTree} would give. Anything else (raw values, numbers given
 * as text, floats or BigDecimals, embedded objects) makes {@link #tree} fall back to {@code
 * valueToTree}, so the result is always the one {@code valueToTree} gives.
 */
final class TreeGenerator extends GeneratorBase {

  /** Thrown where the token-buffer round trip could give another node than this generator. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private final JsonNodeFactory nodes;
  private JsonNode[] stack = new JsonNode[16];
  private int depth;
  private String fieldName;
  private JsonNode root;

  private TreeGenerator(ObjectMapper mapper) {
    super(JsonGenerator.Feature.collectDefaults(), mapper);
    this.nodes = mapper.getNodeFactory();
  }

  /**
   * The tree of an object, equal to {@code mapper.valueToTree(value)}.
   *
   * @param mapper the mapper whose serializers and node factory to use
   * @param value the object
   * @return its tree
   */
  static JsonNode tree(ObjectMapper mapper, Object value) {
    JsonNode tree = direct(mapper, value);
    return tree != null ? tree : mapper.valueToTree(value);
  }

  /**
   * The tree of an object built while serializing it.
   *
   * @param mapper the mapper whose serializers and node factory to use
   * @param value the object
   * @return its tree, or null when serializing it writes something this generator leaves to {@code
   *     valueToTree}
   */
  static JsonNode direct(ObjectMapper mapper, Object value) {
    TreeGenerator generator = new TreeGenerator(mapper);
    try {
      mapper.writeValue(generator, value);
    } catch (IOException | RuntimeException e) {
      // Serializers wrap what a generator throws: look for the marker along the causes.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof Unsupported) {
          return null;
        }
      }
      if (e instanceof IOException) {
        throw new UncheckedIOException((IOException) e);
      }
      throw (RuntimeException) e;
    }
    return generator.root == null ? mapper.getNodeFactory().nullNode() : generator.root;
  }

  private void add(JsonNode value) {
    if (depth == 0) {
      root = value;
      return;
    }
    JsonNode parent = stack[depth - 1];
    if (parent instanceof ObjectNode) {
      ((ObjectNode) parent).set(fieldName, value);
    } else {
      ((ArrayNode) parent).add(value);
    }
  }

  private void push(JsonNode container) {
    add(container);
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
    }
    stack[depth++] = container;
  }

  private void pop() {
    stack[--depth] = null;
  }

  @Override
  public void writeStartArray() throws IOException {
    _verifyValueWrite("start an array");
    _writeContext = _writeContext.createChildArrayContext();
    push(nodes.arrayNode());
  }

  @Override
  public void writeStartArray(Object forValue, int size) throws IOException {
    writeStartArray();
    _writeContext.setCurrentValue(forValue);
  }

  @Override
  public void writeEndArray() throws IOException {
    if (!_writeContext.inArray()) {
      _reportError("Current context not Array but " + _writeContext.typeDesc());
    }
    _writeContext = _writeContext.clearAndGetParent();
    pop();
  }

  @Override
  public void writeStartObject() throws IOException {
    _verifyValueWrite("start an object");
    _writeContext = _writeContext.createChildObjectContext();
    push(nodes.objectNode());
  }

  @Override
  public void writeStartObject(Object forValue) throws IOException {
    writeStartObject();
    _writeContext.setCurrentValue(forValue);
  }

  @Override
  public void writeEndObject() throws IOException {
    if (!_writeContext.inObject()) {
      _reportError("Current context not Object but " + _writeContext.typeDesc());
    }
    _writeContext = _writeContext.clearAndGetParent();
    pop();
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    if (_writeContext.writeFieldName(name) == JsonWriteContext.STATUS_EXPECT_VALUE) {
      _reportError("Can not write a field name, expecting a value");
    }
    fieldName = name;
  }

  @Override
  public void writeFieldName(SerializableString name) throws IOException {
    writeFieldName(name.getValue());
  }

  @Override
  public void writeString(String text) throws IOException {
    if (text == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write a string");
    add(nodes.textNode(text));
  }

  @Override
  public void writeString(char[] text, int offset, int len) throws IOException {
    writeString(new String(text, offset, len));
  }

  @Override
  public void writeString(SerializableString text) throws IOException {
    writeString(text.getValue());
  }

  @Override
  public void writeRawUTF8String(byte[] text, int offset, int length) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
    writeString(new String(text, offset, length, StandardCharsets.UTF_8));
  }

  @Override
  public void writeRaw(String text) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeRaw(String text, int offset, int len) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeRaw(char[] text, int offset, int len) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeRaw(char c) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeRawValue(String text) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeRawValue(String text, int offset, int len) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeRawValue(char[] text, int offset, int len) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeBinary(Base64Variant variant, byte[] data, int offset, int len)
      throws IOException {
    _verifyValueWrite("write binary value");
    add(nodes.binaryNode(Arrays.copyOfRange(data, offset, offset + len)));
  }

  @Override
  public int writeBinary(Base64Variant variant, InputStream data, int dataLength)
      throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeNumber(int v) throws IOException {
    _verifyValueWrite("write a number");
    add(nodes.numberNode(v));
  }

  @Override
  public void writeNumber(long v) throws IOException {
    _verifyValueWrite("write a number");
    add(nodes.numberNode(v));
  }

  @Override
  public void writeNumber(BigInteger v) throws IOException {
    if (v == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write a number");
    add(nodes.numberNode(v));
  }

  @Override
  public void writeNumber(double v) throws IOException {
    _verifyValueWrite("write a number");
    add(nodes.numberNode(v));
  }

  @Override
  public void writeNumber(float v) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeNumber(BigDecimal v) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeNumber(String encodedValue) throws IOException {
    throw new Unsupported();
  }

  @Override
  public void writeBoolean(boolean state) throws IOException {
    _verifyValueWrite("write a boolean value");
    add(nodes.booleanNode(state));
  }

  @Override
  public void writeNull() throws IOException {
    _verifyValueWrite("write a null");
    add(nodes.nullNode());
  }

  /**
   * Values that serializers hand over whole (IntOrString writes its int or string so) go through
   * the mapper, as a token buffer sends them; raw values would be kept as they are there.
   */
  @Override
  public void writeObject(Object value) throws IOException {
    if (value instanceof com.fasterxml.jackson.databind.util.RawValue) {
      throw new Unsupported();
    }
    super.writeObject(value);
  }

  @Override
  public JsonStreamContext getOutputContext() {
    return _writeContext;
  }

  @Override
  public void flush() {}

  @Override
  protected void _releaseBuffers() {}

  @Override
  protected void _verifyValueWrite(String typeMsg) throws IOException {
    if (_writeContext.writeValue() == JsonWriteContext.STATUS_EXPECT_NAME) {
      _reportError("Can not " + typeMsg + ", expecting a field name");
    }
  }
}
