package org.openebr.signature.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openebr.identity.boundary.AccountQueries;

/**
 * The signature-accountability statement (21 CFR 11.10(j), 11.100(c)): before a person's first
 * electronic signature, they sign that their electronic signatures are the legally binding
 * equivalent of their handwritten signature. Itself a signed record: record id = the user name,
 * meaning APPROVED, only by that person.
 */
@ApplicationScoped
public class AccountabilityStatement implements SignableRecordType {

    public static final String RECORD_TYPE = "ACCOUNTABILITY_STATEMENT";
    public static final String VERSION = "1";
    public static final String TEXT = "I understand and agree that my electronic signatures in OpenEBR are the legally"
            + " binding equivalent of my traditional handwritten signature (21 CFR 11.100(c)). I am accountable and"
            + " responsible for actions initiated under my electronic signatures. I will keep my password to myself,"
            + " and I will report at once any suspected loss, misuse or falsification of my credentials.";

    @Inject
    AccountQueries accounts;

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public Optional<Object> content(String userName) {
        return accounts.byUserName(userName == null ? "" : userName).map(account -> {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("statementVersion", VERSION);
            statement.put("text", TEXT);
            statement.put("userId", account.id().toString());
            statement.put("userName", account.userName());
            return statement;
        });
    }

    @Override
    public SignaturePolicy policy() {
        return SignaturePolicy.builder().allow(Meaning.APPROVED, Set.of()).build();
    }

    @Override
    public Optional<String> refusal(String recordId, String userName) {
        return recordId.equalsIgnoreCase(userName) ? Optional.empty()
                : Optional.of("Everyone signs their own accountability statement only.");
    }
}
