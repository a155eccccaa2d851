/**
 * The delivery page: what became of a code, for a help-desk agent with a browser. Server-rendered HTML on the
 * management port (never on Okta's), searched and summed up from the {@link io.telephonyhook.deliveries.DeliveryLedger},
 * behind the viewer credential ({@link io.telephonyhook.deliverypage.DeliveryViewers}) that also guards the JSON
 * look-up. Nothing here knows a host: each host serves {@link io.telephonyhook.deliverypage.DeliveryPage}'s answers.
 */
package io.telephonyhook.deliverypage;
