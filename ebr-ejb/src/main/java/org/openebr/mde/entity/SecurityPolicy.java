package org.openebr.mde.entity;

/**
 * The OPC UA security policies OpenEBR speaks. {@code None} exists only for development servers and is
 * refused unless the installation allows it (EBR_OPCUA_ALLOW_NONE); GMP connections sign and encrypt.
 */
public enum SecurityPolicy {
    Basic256Sha256("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"),
    Aes256_Sha256_RsaPss("http://opcfoundation.org/UA/SecurityPolicy#Aes256_Sha256_RsaPss"),
    None("http://opcfoundation.org/UA/SecurityPolicy#None");

    private final String uri;

    SecurityPolicy(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }
}
