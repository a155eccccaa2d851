package io.telephonyhook;

import java.nio.file.Path;

/** Three orgs under camel-main (what Camel JBang runs), on Camel 4.17: the same routes choose the org. */
class CamelMainOrgsIT extends OrgsChecks {

    @Override
    Path jar() {
        return Path.of(System.getProperty("camel-main-hosts.dir", "target/it/camel-main-host/target"), "camel-4.17",
                "host.jar").toAbsolutePath();
    }

    @Override
    String startedLine() {
        return "(telephony-hook) started in";
    }

    @Override
    String metricsPath() {
        return "/observe/metrics";
    }

    @Override
    String deliveriesPath() {
        return "/observe/deliveries";
    }
}
