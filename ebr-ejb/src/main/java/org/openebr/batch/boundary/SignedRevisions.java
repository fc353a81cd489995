package org.openebr.batch.boundary;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The revision of each step whose signable content was read in this transaction. The signature
 * ceremony reads a record's content, then signs it; a correction committed in between would leave a
 * signature of the earlier entry on a step that now shows the later one. {@link BatchStepRecordType}
 * compares the revision it handed out with the step's, locked, before the signature counts.
 */
@TransactionScoped
public class SignedRevisions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> read = new HashMap<>();

    void read(String recordId, int revision) {
        read.put(recordId, revision);
    }

    Optional<Integer> revision(String recordId) {
        return Optional.ofNullable(read.get(recordId));
    }
}
