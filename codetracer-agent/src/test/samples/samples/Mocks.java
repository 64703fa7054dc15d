package samples;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

public class Mocks {
  public interface PriceService {
    int price(String item);
  }

  static int total(PriceService prices, String... items) {
    int sum = 0;
    for (String item : items) {
      sum += prices.price(item);
    }
    return sum;
  }

  public static void main(String[] args) {
    PriceService prices = mock(PriceService.class);
    when(prices.price("apple")).thenReturn(3);
    when(prices.price("pear")).thenReturn(5);
    int sum = total(prices, "apple", "pear", "apple");
    verify(prices).price("pear");
    System.out.println("total " + sum);
  }
}
