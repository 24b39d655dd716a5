package io.saltlab.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {

  @Test
  void longListsKeepTheirOrder() {
    List<Integer> items =
        IntStream.range(0, 20 * InOrder.PARALLEL_THRESHOLD).boxed().collect(Collectors.toList());
    List<String> expected = new ArrayList<>();
    items.forEach(i -> expected.add("item-" + i));
    assertThat(InOrder.map(items, i -> "item-" + i)).containsExactlyElementsOf(expected);
  }

  @Test
  void shortListsToo() {
    assertThat(InOrder.map(List.of(3, 1, 2), i -> i * 10)).containsExactly(30, 10, 20);
    assertThat(InOrder.map(List.<Integer>of(), i -> i)).isEmpty();
  }

  @Test
  void aFailureReachesTheCaller() {
    List<Integer> items =
        IntStream.range(0, 2 * InOrder.PARALLEL_THRESHOLD).boxed().collect(Collectors.toList());
    assertThatThrownBy(
            () ->
                InOrder.map(
                    items,
                    i -> {
                      if (i == 300) {
                        throw new IllegalStateException("item 300");
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("item 300");
  }
}
