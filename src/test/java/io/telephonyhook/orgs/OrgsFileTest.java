package io.telephonyhook.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.NestedExceptionUtils;

import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.orgs.OrgsFile.OrgDefinition;
import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.TwilioStandIn;

/**
 * HOOK_ORGS_FILE as an integration team writes it (docs/orgs.md): secrets only through environment variables and
 * files, and every mistake refused in one line naming the file and the line.
 */
class OrgsFileTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("ACME_SECRET", "acme-secret-value");

    @TempDir
    Path folder;

    @Test
    void orgsGetTheirSettingsAndSecretsFromTheEnvironmentOrFiles() throws IOException {
        Files.writeString(folder.resolve("beta-secret"), "beta-secret-value\n");
        List<OrgDefinition> orgs = read("""
                acme:
                  okta-org: https://ACME.okta.com/
                  auth-secret-env: ACME_SECRET
                  rate-limit-per-number: 5/10m
                beta:
                  auth-header: X-Secret
                  auth-secret-file: %s
                """.formatted(folder.resolve("beta-secret")));

        assertThat(orgs).extracting(OrgDefinition::id).containsExactly("acme", "beta");
        assertThat(orgs.get(0).oktaOrigin()).isEqualTo("https://acme.okta.com");
        assertThat(orgs.get(0).settings()).containsEntry("okta.hook.auth.secret", "acme-secret-value")
                .containsEntry("hook.rate-limit.per-number", "5/10m");
        assertThat(orgs.get(1).settings()).containsEntry("okta.hook.auth.secret", "beta-secret-value")
                .containsEntry("okta.hook.auth.header", "X-Secret");
        assertThat(orgs.get(1).toString()).doesNotContain("beta-secret-value");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            acme:\\n  auth-secret-env: UNSET_VARIABLE                        | line 2: acme's auth-secret-env names UNSET_VARIABLE, which is not set
            acme:\\n  auth-secret: written-in-the-file                       | line 2: unknown key 'auth-secret' under 'acme'
            acme:\\n  auth-header: X-Secret                                  | line 1: acme has no credentials
            Acme:\\n  auth-secret-env: ACME_SECRET                           | line 1: 'Acme' is not an org id
            primary:\\n  auth-secret-env: ACME_SECRET                        | line 1: 'primary' is a name the hook keeps for its Twilio accounts
            acme:\\n  auth-secret-env: ACME_SECRET\\n  failover-account-sid: AC1 | line 1: acme gives a failover account without twilio-account-sid
            acme:\\n  auth-secret-env: ACME_SECRET\\n  okta-org: http://acme.okta.com | line 3: okta-org 'http://acme.okta.com' is not an Okta org's https URL
            acme:\\n  auth-secret-env: ACME_SECRET\\n  auth-secret-file: /etc/x  | line 2: acme gives both auth-secret-env and auth-secret-file
            acme:\\n  auth-secret-file: /no/such/file                        | line 2: acme's auth-secret-file /no/such/file cannot be read
            """)
    void aMistakeIsRefusedInOneLineNamingTheFileAndTheLine(String yaml, String reason) {
        assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("HOOK_ORGS_FILE " + folder.resolve("orgs.yaml") + " ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("\n");
    }

    @Test
    void anOrgsOwnTwilioAccountWithoutItsTokenStopsTheStart() throws IOException {
        Path file = Files.writeString(folder.resolve("orgs.yaml"), """
                acme:
                  auth-secret-file: %s
                  twilio-account-sid: AC0123456789abcdef0123456789abcdef
                  twilio-from-number: "+15005550101"
                """.formatted(Files.writeString(folder.resolve("secret"), "s3cret")));

        assertThatThrownBy(() -> LiveHook.start(TwilioStandIn.start(), Map.of("hook.orgs.file", file.toString())))
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .isInstanceOf(InvalidSettingsException.class)
                        .hasMessage("HOOK_ORGS_FILE " + file + " line 1: acme: twilio-account-sid needs"
                                + " twilio-auth-token-env (or -file): the account's auth token or an API key secret"));
    }

    private List<OrgDefinition> read(String yaml) throws IOException {
        return OrgsFile.read(Files.writeString(folder.resolve("orgs.yaml"), yaml), ENVIRONMENT::get);
    }
}
