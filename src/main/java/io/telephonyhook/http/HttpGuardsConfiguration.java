package io.telephonyhook.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.config.HookProperties;
import io.telephonyhook.config.InvalidSettingsException;

/** What stands between the network and the route: the body limit, and the clock each call's deadline runs on. */
@Configuration(proxyBeanMethods = false)
public class HttpGuardsConfiguration {

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(HookProperties hook) {
        long maxBytes = hook.maxBody().toBytes();
        if (maxBytes < 1024 || maxBytes > 16 * 1024 * 1024) {
            throw new InvalidSettingsException("HOOK_MAX_BODY must be between 1KB and 16MB (Okta's requests are about 1KB).");
        }
        return new BodySizeLimitFilter((int) maxBytes);
    }

    @Bean
    CallDeadlines callDeadlines(HookProperties hook) {
        if (hook.deadline().isNegative() || hook.deadline().isZero() || hook.deadline().toMillis() > 3000) {
            throw new InvalidSettingsException("HOOK_DEADLINE must be more than 0 and at most 3000ms: Okta waits 3 s.");
        }
        return new CallDeadlines(hook.deadline());
    }
}
