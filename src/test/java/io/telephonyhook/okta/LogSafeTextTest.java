package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTextTest {

    @Test
    void oktasOwnNamesAreKeptAsTheyAre() {
        String requestType = "com.okta.user.telephony.mfa-verification";
        String source = "https://acme.okta.com/api/v1/inlineHooks/cal4egvp1mbMldrYN0g7";

        assertThat(LogSafeText.bounded(requestType, 64)).isSameAs(requestType);
        assertThat(LogSafeText.bounded(source, 256)).isSameAs(source);
    }

    @Test
    void anythingElseIsReplacedCharacterByCharacterAndCut() {
        assertThat(LogSafeText.bounded("mfa\nstatus=SUCCESSFUL é", 64)).isEqualTo("mfa_status_SUCCESSFUL__");
        assertThat(LogSafeText.bounded("x".repeat(70), 64)).hasSize(64);
        assertThat(LogSafeText.bounded("a b".repeat(40), 64)).hasSize(64).doesNotContain(" ");
        assertThat(LogSafeText.bounded(null, 64)).isNull();
    }
}
