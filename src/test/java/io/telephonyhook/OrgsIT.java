package io.telephonyhook;

import java.nio.file.Path;

/** Three orgs on the packaged jar: the standalone application as an integration team runs it. */
class OrgsIT extends OrgsChecks {

    @Override
    Path jar() {
        return Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    }

    @Override
    String startedLine() {
        return "Started TelephonyHookApplication";
    }

    @Override
    String metricsPath() {
        return "/actuator/prometheus";
    }

    @Override
    String deliveriesPath() {
        return "/actuator/deliveries";
    }
}
