package org.openebr.signature.boundary;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which meanings a record type takes, in which roles, and which must come from a second person
 * (EU GMP Annex 11 §14; PIC/S: a verifier is never the performer). Declared by each record type
 * (CDI {@link SignableRecordType}); there are no signatures outside a policy.
 */
public final class SignaturePolicy {

    /**
     * @param roles            the roles a signer may sign in for this meaning; empty: any role the signer holds
     * @param otherPersonThan  the meaning whose signers may not sign this one too (four eyes), or null
     */
    public record Rule(Set<String> roles, Meaning otherPersonThan) {
        public Rule {
            roles = Set.copyOf(roles);
        }
    }

    private final Map<Meaning, Rule> rules;

    private SignaturePolicy(Map<Meaning, Rule> rules) {
        this.rules = rules;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Rule> rule(Meaning meaning) {
        return Optional.ofNullable(rules.get(meaning));
    }

    public Set<Meaning> meanings() {
        return rules.keySet();
    }

    /** Builds a policy meaning by meaning. */
    public static final class Builder {
        private final Map<Meaning, Rule> rules = new EnumMap<>(Meaning.class);

        public Builder allow(Meaning meaning, Set<String> roles) {
            rules.put(meaning, new Rule(roles, null));
            return this;
        }

        /** The meaning needs a second person: nobody who signed {@code otherThan} on the record may sign it. */
        public Builder allowSecondPerson(Meaning meaning, Set<String> roles, Meaning otherThan) {
            rules.put(meaning, new Rule(roles, otherThan));
            return this;
        }

        public SignaturePolicy build() {
            return new SignaturePolicy(new EnumMap<>(rules));
        }
    }
}
