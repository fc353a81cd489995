package org.eclipse.milo.standin;

/**
 * Test stand-in in Eclipse Milo's package (Milo is not a dependency of ebr-web), so that a fixture
 * can depend on "Milo" and prove the rule that only the mde component may.
 */
public class OpcUaClient {
}
