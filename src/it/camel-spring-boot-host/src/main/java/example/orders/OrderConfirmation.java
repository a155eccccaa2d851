package example.orders;

/** What /api/orders answers. */
public record OrderConfirmation(String orderId, String itemName, int quantity) {
}
