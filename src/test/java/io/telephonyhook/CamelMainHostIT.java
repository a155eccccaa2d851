package io.telephonyhook;

/** The shipped routes under camel-main on Camel 4.17, the line the project builds on. */
class CamelMainHostIT extends CamelMainHostChecks {

    @Override
    String line() {
        return "4.17";
    }
}
