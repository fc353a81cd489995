package org.openebr.signature.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openebr.identity.boundary.AccountQueries;
import org.openebr.identity.boundary.Authentication;
import org.openebr.identity.boundary.SecurityEventType;
import org.openebr.identity.boundary.SecurityLog;
import org.openebr.identity.entity.UserAccount;
import org.openebr.platform.boundary.DomainException;
import org.openebr.platform.control.ChangeContext;
import org.openebr.platform.control.Constraints;
import org.openebr.platform.control.SiteSettings;
import org.openebr.signature.control.NonceLedger;
import org.openebr.signature.control.SignatureKeys;
import org.openebr.signature.control.SignatureVerifier;
import org.openebr.signature.control.SignedDocument;
import org.openebr.signature.entity.ElectronicSignature;
import org.openebr.signature.entity.SignatureNonce;
import org.openebr.signature.entity.SigningCredential;
import org.openebr.trust.control.CmsSigner;
import org.openebr.trust.control.SigningIdentity;
import org.openebr.trust.control.TrustStore;

/**
 * The signing ceremony, one call for every feature that needs a signature (21 CFR 11.50, 11.70,
 * 11.100, 11.200; EU GMP Annex 11 §14):
 * <ol>
 *   <li>the signer signs only as themself, and re-authenticates at every signing: user id and
 *       password for the first signing of a session (and always on the API), the password alone
 *       later in the same continuous session; a wrong password counts toward lockout;</li>
 *   <li>the request carries a one-time nonce: a replayed request is refused;</li>
 *   <li>the signer has a signing credential (issued after identity verification) and has signed
 *       the accountability statement first;</li>
 *   <li>the record type's policy allows the meaning in the signer's role, and a second-person
 *       meaning is never given by someone who signed the first;</li>
 *   <li>the signature is bound to the canonical JSON of exactly this record version and these
 *       facts by a CMS signature with the signer's key, and time-stamped (RFC 3161).</li>
 * </ol>
 */
@Stateless
@PermitAll
public class Signatures {

    static final Duration NONCE_VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A nonce for one signing request. */
    public record Nonce(String nonce, Instant expiresAt) {
    }

    /**
     * One signing request.
     *
     * @param userName          the signer's user id; required unless {@code continuousSession}
     * @param password          always required
     * @param role              the role signed in; may be null when the signer holds exactly one role
     * @param continuousSession the UI says the signer already signed with user id and password in this
     *                          uninterrupted session (never true on the API)
     * @param seenRecordSha256  optional: the record's hash ({@link #recordSha256}) when the signer was shown
     *                          it; a record changed since then is not signed (the signer signs what they saw)
     */
    public record SignRequest(String recordType, String recordId, String meaning, String role, String userName,
                              char[] password, String nonce, boolean continuousSession, String seenRecordSha256) {
    }

    /** The meanings a signature can have (each record type takes some of them). */
    public static List<String> meanings() {
        return java.util.Arrays.stream(Meaning.values()).map(Enum::name).toList();
    }

    /** A signature as manifested wherever the record is shown (21 CFR 11.50; Annex 11 §14). */
    public record Manifestation(UUID id, String recordType, String recordId, String printedName, String userName,
                                String role, String meaning, Instant signedAt, String siteZone, String signedAtSite,
                                boolean valid, List<String> problems, String certificateSerial) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    SiteSettings site;

    @Inject
    AccountQueries accounts;

    @Inject
    Authentication authentication;

    @Inject
    SecurityLog log;

    @Inject
    ChangeContext change;

    @Inject
    SignatureKeys keys;

    @Inject
    NonceLedger nonces;

    @Inject
    @Any
    Instance<SignableRecordType> recordTypes;

    /**
     * A fresh one-time nonce for the caller's next signing request. Its own transaction: a nonce
     * exists once it is handed out, also to a boundary that signs inside its own command (a batch's
     * hold), whose signing consumes the nonce in a transaction of its own (NonceLedger.consume).
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public Nonce issueNonce() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        change.record("Issue signature nonce", null);
        em.persist(new SignatureNonce(nonce, caller(), now, now.plus(NONCE_VALIDITY)));
        return new Nonce(nonce, now.plus(NONCE_VALIDITY));
    }

    /**
     * Whether a signing nonce is used up: a refused signing request tells its sender whether the
     * same nonce can be sent again (refused before the nonce was consumed) or not.
     */
    public boolean nonceUsedUp(String nonce) {
        return nonce != null && nonces.used(nonce);
    }

    public Manifestation sign(SignRequest request) {
        String caller = caller();
        if (request.recordType() == null || request.recordId() == null || request.meaning() == null) {
            throw refused(SignatureRefused.Reason.INCOMPLETE, caller, request, "Say what is signed: record type, record and meaning.");
        }
        Meaning meaning = meaning(request, caller);
        if (request.userName() != null && !request.userName().strip().equalsIgnoreCase(caller)) {
            throw refused(SignatureRefused.Reason.NOT_YOURSELF, caller, request,
                    "You can only sign as yourself; " + request.userName().strip() + " must sign in person.");
        }
        if (request.userName() == null && !request.continuousSession()) {
            throw refused(SignatureRefused.Reason.INCOMPLETE, caller, request,
                    "The first signing of a session needs your user id and password.");
        }
        if (request.password() == null || request.password().length == 0) {
            throw refused(SignatureRefused.Reason.INCOMPLETE, caller, request, "Every signing needs your password.");
        }
        consumeNonce(caller, request);
        // its own transaction: a wrong password counts toward lockout even though this signing fails
        Authentication.Result who = authentication.authenticate(caller, request.password(), Authentication.Channel.SIGNING);
        if (who.outcome() == Authentication.Outcome.TECHNICAL_ACCOUNT_IN_UI) {
            // the password was right: not a failed authentication but a rule (technical accounts never sign)
            throw refused(SignatureRefused.Reason.NOT_ALLOWED, caller, request, "Technical accounts cannot sign: an"
                    + " electronic signature is a person's (21 CFR 11.100(a)); nothing was signed.");
        }
        if (!who.authenticated()) {
            throw refused(SignatureRefused.Reason.NOT_AUTHENTICATED, caller, request,
                    "Your password was not accepted; the signature was not made. " + who.message());
        }
        UserAccount signer = accounts.existing(caller);
        SignableRecordType type = recordType(request.recordType())
                .orElseThrow(() -> refused(SignatureRefused.Reason.NOT_FOUND, caller, request,
                        "There is no record type " + request.recordType() + " that takes signatures."));
        SignaturePolicy.Rule rule = type.policy().rule(meaning)
                .orElseThrow(() -> refused(SignatureRefused.Reason.NOT_ALLOWED, caller, request,
                        request.recordType() + " records take no signature meaning " + request.meaning() + "; they take "
                                + type.policy().meanings() + "."));
        String role = role(request, who, rule, caller);
        type.refusal(request.recordId(), caller, meaning).ifPresent(why -> {
            throw refused(SignatureRefused.Reason.NOT_ALLOWED, caller, request, why);
        });
        List<DomainException.Violation> open = type.openItems(request.recordId(), meaning);
        if (!open.isEmpty()) {
            throw refused(SignatureRefused.Reason.OPEN_ITEMS, caller, request, request.recordType() + " "
                    + request.recordId() + " is not signed " + meaning + " while " + open.size() + " item"
                    + (open.size() == 1 ? " is" : "s are") + " open: " + open.stream().map(v -> v.field() + " ("
                    + v.message() + ")").limit(10).collect(java.util.stream.Collectors.joining("; "))
                    + (open.size() > 10 ? "; ..." : "") + ". Nothing was signed.", open);
        }
        Object content = type.content(request.recordId())
                .orElseThrow(() -> refused(SignatureRefused.Reason.NOT_FOUND, caller, request,
                        "There is no " + request.recordType() + " " + request.recordId() + "."));
        if (request.seenRecordSha256() != null && !request.seenRecordSha256().equals(SignedDocument.recordSha256(content))) {
            throw refused(SignatureRefused.Reason.CHANGED, caller, request, "The record changed since it was shown to"
                    + " you for signing; nothing was signed. Look at it again, then sign.");
        }
        if (!type.recordType().equals(AccountabilityStatement.RECORD_TYPE) && !statementSigned(signer, caller)) {
            throw refused(SignatureRefused.Reason.NOT_READY, caller, request,
                    "Sign the signature-accountability statement before your first signature.");
        }
        // one signing of a record at a time: the four-eyes checks below cannot race each other
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, request.recordType() + ":" + request.recordId()).getSingleResult();
        for (Meaning excluded : excludedByFourEyes(type.policy(), meaning)) {
            if (signedBy(request, excluded, signer.id())) {
                throw refused(SignatureRefused.Reason.NOT_ALLOWED, caller, request, "A second person must sign "
                        + meaning + ": you signed this record as " + excluded + ".");
            }
        }
        SigningCredential credential = activeCredential(signer.id()).orElseThrow(() -> refused(
                SignatureRefused.Reason.NOT_READY, caller, request, "You have no signing certificate: an administrator"
                        + " must record the verification of your identity first (21 CFR 11.100(b))."));
        change.record("Sign " + request.recordType() + " " + request.recordId() + " as " + request.meaning(), null)
                .actingAs(role);
        ElectronicSignature signature = create(request, meaning, signer, role, content, credential);
        type.signed(request.recordId(), meaning, signer.userName());
        // made a moment ago by create() from this content, with this credential (its certificate valid now,
        // checked by the trust store) and a fresh time stamp: verifying it again would only repeat that work,
        // at about the cost of the password hash. Every later reading of the signature verifies it.
        return manifest(signature, credential, new SignatureVerifier.Result(true, List.of()));
    }

    /**
     * The SHA-256 of the record's current signable content: what a screen shows the signer, to be sent
     * back with the signing request as {@code seenRecordSha256}. Follows the record type's read rules.
     */
    public String recordSha256(String recordType, String recordId) {
        return recordType(recordType).flatMap(t -> t.content(recordId)).map(SignedDocument::recordSha256)
                .orElseThrow(() -> new SignatureRefused(SignatureRefused.Reason.NOT_FOUND,
                        "There is no " + recordType + " " + recordId + "."));
    }

    /**
     * The signatures a record carries, each with its manifestation and whether it verifies now.
     * Refused (403, recorded) when one of them is another person's and the caller may not read it
     * ({@link #mayRead}).
     */
    public List<Manifestation> ofRecord(String recordType, String recordId) {
        List<ElectronicSignature> signatures = signaturesOf(recordType, recordId);
        String caller = caller();
        if (signatures.stream().anyMatch(s -> !mayRead(s, caller))) {
            throw readRefused(caller, "the signatures of " + recordType + " " + recordId, recordType);
        }
        return signatures.stream().map(this::manifest).toList();
    }

    /** One signature; another person's only for those who may read it ({@link #mayRead}). */
    public Manifestation find(UUID id) {
        return manifest(readable(existing(id)));
    }

    /** The caller's accountability statement: its text and, once signed, the signature. */
    public record Statement(String version, String text, Manifestation signature) {
    }

    public Statement statement() {
        String caller = caller();
        Manifestation signature = signaturesOf(AccountabilityStatement.RECORD_TYPE, caller).stream().findFirst()
                .map(this::manifest).orElse(null);
        return new Statement(AccountabilityStatement.VERSION, AccountabilityStatement.TEXT, signature);
    }

    /**
     * What the caller still lacks before a signature can be made, so that a screen names the dead end
     * and the place that resolves it before asking for a password.
     *
     * @param certificate     the caller holds an active signing certificate (identity verification recorded)
     * @param statementSigned the caller signed the current accountability statement
     */
    public record Readiness(boolean certificate, boolean statementSigned) {
    }

    public Readiness readiness() {
        String caller = caller();
        UserAccount me = accounts.existing(caller);
        return new Readiness(activeCredential(me.id()).isPresent(), statementSigned(me, caller));
    }

    /** The offline verification bundle of a signature (see the README: openssl commands). */
    public byte[] bundle(UUID id) {
        return SignatureBundle.zip(bundleFiles(id));
    }

    /**
     * The files of a signature's offline bundle by name, in their order (record.json, signature.p7s, ...):
     * for documents that gather the bundles of many signatures.
     */
    public java.util.Map<String, byte[]> bundleFiles(UUID id) {
        ElectronicSignature signature = readable(existing(id));
        // the record type's own read rules apply (e.g. only ADMIN, QA and inspectors read an access review)
        recordType(signature.recordType()).ifPresent(t -> t.content(signature.recordId()));
        SigningCredential credential = em.find(SigningCredential.class, signature.facts().credentialId());
        TrustStore trust = keys.store();
        return SignatureBundle.files(signature, credential, trust.caCertificate(), keys.keys().timeStampCas(trust));
    }

    // --- inside ---------------------------------------------------------------------------------

    private ElectronicSignature create(SignRequest request, Meaning meaning, UserAccount signer, String role, Object content,
                                       SigningCredential credential) {
        TrustStore trust = keys.store();
        SigningIdentity identity;
        try {
            identity = trust.unwrapUserIdentity(SignatureVerifier.certificate(credential.certificate()), credential.wrappedKey());
        } catch (CertificateException e) {
            throw new IllegalStateException("the stored certificate of credential " + credential.serial() + " is unreadable", e);
        }
        ElectronicSignature.Facts facts = new ElectronicSignature.Facts(UUID.randomUUID(), request.recordType(),
                request.recordId(), SignedDocument.recordSha256(content), meaning, signer.id(), signer.userName(),
                signer.fullName(), role, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), site.zone().getId(),
                credential.id()); // microseconds: what PostgreSQL stores, so the document can be rebuilt exactly
        byte[] document = SignedDocument.bytes(facts, content);
        byte[] cms = new CmsSigner(clock).signDetached(document, identity);
        byte[] value = SignatureVerifier.signatureValueOf(cms);
        byte[] timeStamp = keys.keys().timeStampAuthority(trust).timeStamp(value);
        ElectronicSignature signature = new ElectronicSignature(facts,
                HexFormat.of().formatHex(SignedDocument.sha256(document)), document, cms, value, timeStamp);
        em.persist(signature);
        try {
            em.flush();
        } catch (PersistenceException failed) {
            if (!Constraints.violated(failed, "electronic_signature_once")) {
                throw failed;
            }
            // the unique index (record, version, meaning): someone signed the same at the same moment
            throw new SignatureRefused(SignatureRefused.Reason.ALREADY_SIGNED, request.recordType() + " "
                    + request.recordId() + " already carries a " + request.meaning() + " signature for this version.");
        }
        return signature;
    }

    private void consumeNonce(String caller, SignRequest request) {
        if (!nonces.consume(request.nonce(), caller, clock.instant())) {
            throw refused(SignatureRefused.Reason.NONCE, caller, request,
                    "The signing request's nonce is unknown, expired, someone else's or already used: ask for a new one.");
        }
    }

    /** The meanings the signer of {@code meaning} must not have given on the same record, both ways round. */
    static java.util.Set<Meaning> excludedByFourEyes(SignaturePolicy policy, Meaning meaning) {
        java.util.Set<Meaning> excluded = java.util.EnumSet.noneOf(Meaning.class);
        policy.rule(meaning).map(SignaturePolicy.Rule::otherPersonThan).ifPresent(excluded::add);
        for (Meaning other : policy.meanings()) {
            policy.rule(other).filter(r -> r.otherPersonThan() == meaning).ifPresent(r -> excluded.add(other));
        }
        return excluded;
    }

    private Meaning meaning(SignRequest request, String caller) {
        try {
            return Meaning.valueOf(request.meaning().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw refused(SignatureRefused.Reason.INCOMPLETE, caller, request,
                    "'" + request.meaning() + "' is not a signature meaning; one of " + meanings() + ".");
        }
    }

    private String role(SignRequest request, Authentication.Result who, SignaturePolicy.Rule rule, String caller) {
        String role = request.role();
        if (role == null) {
            // the only one of the signer's roles the meaning allows; for meanings open to every role, any
            List<String> candidates = who.roles().stream().filter(r -> rule.roles().isEmpty() || rule.roles().contains(r))
                    .sorted().toList();
            if (candidates.isEmpty() || (candidates.size() > 1 && !rule.roles().isEmpty())) {
                throw refused(candidates.isEmpty() ? SignatureRefused.Reason.NOT_ALLOWED : SignatureRefused.Reason.INCOMPLETE,
                        caller, request, candidates.isEmpty()
                                ? "A " + request.meaning() + " signature on " + request.recordType() + " needs one of the roles "
                                        + rule.roles() + "."
                                : "Say in which of your roles " + candidates + " you sign.");
            }
            role = candidates.get(0);
        }
        if (!who.roles().contains(role)) {
            throw refused(SignatureRefused.Reason.NOT_ALLOWED, caller, request, "You do not hold the role " + role + ".");
        }
        if (!rule.roles().isEmpty() && !rule.roles().contains(role)) {
            throw refused(SignatureRefused.Reason.NOT_ALLOWED, caller, request, "A " + request.meaning() + " signature on "
                    + request.recordType() + " needs one of the roles " + rule.roles() + ", not " + role + ".");
        }
        return role;
    }

    /** Signed, and the current version of the statement (a new statement text must be signed again). */
    private boolean statementSigned(UserAccount signer, String caller) {
        String current = recordType(AccountabilityStatement.RECORD_TYPE).flatMap(t -> t.content(caller))
                .map(SignedDocument::recordSha256).orElse("");
        return em.createQuery("select count(s) from ElectronicSignature s where s.recordType = :type"
                        + " and s.signerAccountId = :id and s.recordSha256 = :version", Long.class)
                .setParameter("type", AccountabilityStatement.RECORD_TYPE).setParameter("id", signer.id())
                .setParameter("version", current).getSingleResult() > 0;
    }

    private boolean signedBy(SignRequest request, Meaning meaning, UUID accountId) {
        return em.createQuery("select count(s) from ElectronicSignature s where s.recordType = :type and s.recordId = :id"
                        + " and s.meaning = :meaning and s.signerAccountId = :account", Long.class)
                .setParameter("type", request.recordType()).setParameter("id", request.recordId())
                .setParameter("meaning", meaning).setParameter("account", accountId).getSingleResult() > 0;
    }

    Optional<SigningCredential> activeCredential(UUID accountId) {
        return em.createQuery("select c from SigningCredential c where c.accountId = :id and c.revokedAt is null",
                SigningCredential.class).setParameter("id", accountId).getResultStream().findFirst();
    }

    // --- who reads a signature -------------------------------------------------------------------

    /**
     * The roles that read any signature (21 CFR 11.10(d), (g)): QA reviews and releases, inspectors
     * and administrators look at everything.
     */
    static final List<String> READERS_OF_EVERY_SIGNATURE = List.of("QA_REVIEWER", "QA_RELEASER", "INSPECTOR", "ADMIN");

    private List<ElectronicSignature> signaturesOf(String recordType, String recordId) {
        return em.createQuery("select s from ElectronicSignature s where s.recordType = :type and s.recordId = :id"
                        + " order by s.signedAt", ElectronicSignature.class)
                .setParameter("type", recordType).setParameter("id", recordId).getResultList();
    }

    /**
     * The signer reads their own signatures; QA, inspectors and administrators read every signature;
     * anyone else only in a role the record type names ({@link SignableRecordType#signatureReaders()}).
     * The record type's own read rules still apply when the signature is verified against the record.
     */
    private boolean mayRead(ElectronicSignature signature, String caller) {
        if (signature.signerUserName().equalsIgnoreCase(caller)) {
            return true;
        }
        return READERS_OF_EVERY_SIGNATURE.stream().anyMatch(session::isCallerInRole)
                || recordType(signature.recordType()).map(SignableRecordType::signatureReaders).orElse(java.util.Set.of())
                        .stream().anyMatch(session::isCallerInRole);
    }

    private ElectronicSignature readable(ElectronicSignature signature) {
        String caller = caller();
        if (!mayRead(signature, caller)) {
            throw readRefused(caller, "signature " + signature.id() + " (" + signature.recordType() + " "
                    + signature.recordId() + ")", signature.recordType());
        }
        return signature;
    }

    private SignatureRefused readRefused(String caller, String what, String recordType) {
        log.accessDenied(caller, "read " + what + ": another person's signature");
        java.util.Set<String> typeReaders = recordType(recordType).map(SignableRecordType::signatureReaders)
                .orElse(java.util.Set.of());
        return new SignatureRefused(SignatureRefused.Reason.NOT_ALLOWED, "Another person's signature is read only by"
                + " QA, inspectors and administrators" + (typeReaders.isEmpty() ? ""
                : " and, on " + recordType + " records, by " + String.join(", ", new java.util.TreeSet<>(typeReaders)))
                + "; your roles do not allow it. The attempt has been recorded.");
    }

    private Optional<SignableRecordType> recordType(String name) {
        return recordTypes.stream().filter(t -> t.recordType().equals(name)).findFirst();
    }

    private ElectronicSignature existing(UUID id) {
        ElectronicSignature signature = id == null ? null : em.find(ElectronicSignature.class, id);
        if (signature == null) {
            throw new SignatureRefused(SignatureRefused.Reason.NOT_FOUND, "There is no signature " + id + ".");
        }
        return signature;
    }

    private Manifestation manifest(ElectronicSignature signature) {
        ElectronicSignature.Facts facts = signature.facts();
        SigningCredential credential = em.find(SigningCredential.class, facts.credentialId());
        TrustStore trust = keys.store();
        Optional<Object> current = recordType(facts.recordType())
                .flatMap(t -> t.contentSigned(facts.recordId(), signedRecord(signature)));
        return manifest(signature, credential, new SignatureVerifier().verify(signature, current, credential,
                trust.caCertificate(), keys.keys().timeStampCas(trust)));
    }

    /** The record part of the signed document (empty when it cannot be read: the verification then says so). */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> signedRecord(ElectronicSignature signature) {
        try {
            Object document = org.openebr.platform.control.CanonicalJson.parse(
                    new String(signature.signedContent(), java.nio.charset.StandardCharsets.UTF_8));
            Object record = document instanceof java.util.Map<?, ?> map ? map.get("record") : null;
            return record instanceof java.util.Map<?, ?> map ? (java.util.Map<String, Object>) map : java.util.Map.of();
        } catch (RuntimeException unreadable) {
            return java.util.Map.of();
        }
    }

    private static Manifestation manifest(ElectronicSignature signature, SigningCredential credential,
                                          SignatureVerifier.Result check) {
        ElectronicSignature.Facts facts = signature.facts();
        String atSite = SiteSettings.recorded(facts.signedAt(), java.time.ZoneId.of(facts.siteZone()));
        return new Manifestation(facts.id(), facts.recordType(), facts.recordId(), facts.signerFullName(),
                facts.signerUserName(), facts.signerRole(), facts.meaning().name(), facts.signedAt(), facts.siteZone(),
                atSite, check.valid(), check.problems(), credential.serial());
    }

    private SignatureRefused refused(SignatureRefused.Reason reason, String caller, SignRequest request, String message) {
        return refused(reason, caller, request, message, List.of());
    }

    private SignatureRefused refused(SignatureRefused.Reason reason, String caller, SignRequest request, String message,
                                     List<DomainException.Violation> items) {
        log.recordSeparately(SecurityEventType.SIGNATURE_REFUSED, caller, request.userName(),
                "signing " + request.recordType() + " " + request.recordId() + " as " + request.meaning() + " refused: "
                        + (message.length() > 1500 ? message.substring(0, 1500) + "..." : message), null);
        return new SignatureRefused(reason, message, items);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    static X509Certificate certificateOf(SigningCredential credential) {
        try {
            return SignatureVerifier.certificate(credential.certificate());
        } catch (CertificateException e) {
            throw new IllegalStateException("unreadable certificate of credential " + credential.serial(), e);
        }
    }
}
