package io.telephonyhook.deliveries;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.twilio.StatusReport;

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

    public void record(@ExchangeProperty("statusReport") StatusReport report) {
        ledger.reported(report.sid(), report.status(), report.errorCode(), report.at()).ifPresentOrElse(
                delivery -> log.info("eventId={} twilioSid={} reported={} status={}{}", delivery.eventId(),
                        report.sid(), report.status(), delivery.status(),
                        report.errorCode() == null ? "" : " twilioError=" + report.errorCode()),
                () -> log.info("twilioSid={} reported={}: not sent by this hook, or no longer kept", report.sid(),
                        report.status()));
    }
}
