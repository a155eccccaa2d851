package io.telephonyhook;

/** The order desk with the hook on Camel Spring Boot 4.10 (long-term support) on Spring Boot 3.4.3. */
class CamelSpringBoot410HostIT extends CamelSpringBootHostChecks {

    @Override
    String line() {
        return "4.10";
    }
}
