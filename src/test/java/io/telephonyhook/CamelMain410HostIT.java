package io.telephonyhook;

/** The shipped routes under camel-main on Camel 4.10 (long-term support). */
class CamelMain410HostIT extends CamelMainHostChecks {

    @Override
    String line() {
        return "4.10";
    }
}
