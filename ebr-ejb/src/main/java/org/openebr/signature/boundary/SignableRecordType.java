package org.openebr.signature.boundary;

import java.util.Optional;
import java.util.Set;

/**
 * A kind of record that can be signed (a port every signing feature implements as a CDI bean):
 * its name, the content of a record's current version as canonical-JSON-able values (maps, lists,
 * strings, integers, booleans, instants), and its signature policy. The signature is bound to
 * exactly that content; when it changes, the signature no longer verifies.
 */
public interface SignableRecordType {

    String recordType();

    /**
     * The current version of the record, or empty when there is no such record. It must contain a
     * version number that only ever grows (e.g. the entity's version or its last audit revision):
     * content that changes A -> B -> A must not make a signature of the first A valid again. It may
     * apply the record's own read rules (throw EJBAccessException): signatures and bundles of the
     * record are then refused to the same people.
     */
    Optional<Object> content(String recordId);

    /**
     * The record's content as it was when a signature was made, for verifying that signature against
     * what the database holds: by default the record as it is now. A record type whose records move on
     * legitimately after signing (a batch step corrected and signed again) rebuilds the version the
     * signature names ({@code signedRecord}: the record part of the signed document) from what it
     * keeps, so an earlier signature still verifies against the unchanged entries it signed.
     */
    default Optional<Object> contentSigned(String recordId, java.util.Map<String, Object> signedRecord) {
        return content(recordId);
    }

    SignaturePolicy policy();

    /**
     * The roles that read every signature of this record type, besides the signer themself and QA,
     * inspectors and administrators, who read any signature: the people who are shown the record
     * with its signatures (e.g. everyone who reads master recipes sees who wrote and who approved a
     * version). Empty by default: then nobody else reads another person's signature of this type.
     * The record's own read rules ({@link #content(String)}) apply on top.
     */
    default Set<String> signatureReaders() {
        return Set.of();
    }

    /** A rule of this record type that forbids the user to sign this record, in words; empty when none. */
    default Optional<String> refusal(String recordId, String userName) {
        return Optional.empty();
    }

    /**
     * As {@link #refusal(String, String)}, knowing the meaning: a record whose state decides which
     * meaning it takes now (e.g. a recipe version: PERFORMED while a draft, APPROVED while in review).
     */
    default Optional<String> refusal(String recordId, String userName, Meaning meaning) {
        return refusal(recordId, userName);
    }

    /**
     * What is still open on the record that this meaning needs settled first (a batch released with an
     * open deviation): each item with what stands in the way, refused as a conflict naming every one.
     * Empty when nothing is open. Checked after {@link #refusal(String, String, Meaning)}.
     */
    default java.util.List<org.openebr.platform.boundary.DomainException.Violation> openItems(String recordId,
                                                                                          Meaning meaning) {
        return java.util.List.of();
    }

    /**
     * Called in the signing transaction once the signature is stored, so that a signature can move
     * the record's lifecycle on (a recipe version goes into review when its author signs): the
     * signature and its effect commit together or not at all, whichever way the record was signed.
     */
    default void signed(String recordId, Meaning meaning, String userName) {
    }
}
