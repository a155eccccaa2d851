package io.telephonyhook.okta;

/** The Okta org a call came for, as reading the call needs it (the orgs package has the rest). */
public interface OktaOrg {

    /** The org's id (the end of its URL in HOOK_ORGS_FILE); null for the hook's one org. */
    String getId();
}
