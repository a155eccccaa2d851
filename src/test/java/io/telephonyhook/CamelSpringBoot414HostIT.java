package io.telephonyhook;

/** The order desk with the hook on Camel Spring Boot 4.14 (long-term support) on Spring Boot 3.5.4. */
class CamelSpringBoot414HostIT extends CamelSpringBootHostChecks {

    @Override
    String line() {
        return "4.14";
    }
}
