package io.telephonyhook;

/** The order desk with the hook on Camel Spring Boot 4.17 on Spring Boot 3.5.9, the line the project builds on. */
class CamelSpringBootHostIT extends CamelSpringBootHostChecks {

    @Override
    String line() {
        return "4.17";
    }
}
