package io.telephonyhook.deliveries;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.twilio.StatusReport;
import io.telephonyhook.twilio.TwilioSignatureException;

/**
 * The callback route's step: a status Twilio reported (its signature already checked) becomes the SID's latest status
 * in the ledger, unless it would move it backwards. One log line per report, with the eventId when the SID is known:
 * never the number, which Twilio's report carries in full.
 */
public class DeliveryStatusRecorder {

    private static final Logger log = LoggerFactory.getLogger("telephony-hook");

    private final DeliveryLedger ledger;

    public DeliveryStatusRecorder(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * @throws TwilioSignatureException (403) when the report is signed by another of the hook's accounts than the one
     *                                  that sent the delivery: a report must be its own account's
     */
    public void record(@ExchangeProperty("statusReport") StatusReport report) {
        ledger.bySid(report.sid()).filter(delivery -> !report.signedBy(delivery.accountOrPrimary()))
                .ifPresent(delivery -> {
                    throw new TwilioSignatureException("a report for the " + delivery.accountOrPrimary()
                            + " account's delivery, signed with the " + String.join(" and ", report.accounts())
                            + " account's token");
                });
        ledger.reported(report.sid(), report.status(), report.errorCode(), report.at()).ifPresentOrElse(
                delivery -> log.info("eventId={} twilioSid={} reported={} status={}{}", delivery.eventId(),
                        report.sid(), report.status(), delivery.status(),
                        report.errorCode() == null ? "" : " twilioError=" + report.errorCode()),
                () -> log.info("twilioSid={} reported={}: not sent by this hook, or no longer kept", report.sid(),
                        report.status()));
    }
}
