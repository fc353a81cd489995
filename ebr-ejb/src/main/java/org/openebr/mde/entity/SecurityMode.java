package org.openebr.mde.entity;

/** The OPC UA message security modes; GMP connections use SignAndEncrypt. */
public enum SecurityMode {
    SignAndEncrypt, Sign, None
}
