package io.telephonyhook;

/** The shipped routes under camel-main on Camel 4.14 (long-term support). */
class CamelMain414HostIT extends CamelMainHostChecks {

    @Override
    String line() {
        return "4.14";
    }
}
