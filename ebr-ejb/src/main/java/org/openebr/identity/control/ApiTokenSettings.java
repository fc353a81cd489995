package org.openebr.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long an API token lives (environment variables in brackets, see the README): a person's
 * token for a working shift [EBR_API_TOKEN_HOURS, default 8], a technical account's (a system
 * such as the ERP, which runs unattended) for [EBR_API_TECHNICAL_TOKEN_DAYS, default 30] days.
 * A person's credential should not outlive the shift it was issued for; a system would otherwise
 * keep its password in a file to sign in again every few hours, which is worse than a revocable,
 * expiring token.
 */
@ApplicationScoped
public class ApiTokenSettings {

    private Duration personal;
    private Duration technical;

    protected ApiTokenSettings() {
    }

    @Inject
    public ApiTokenSettings(
            @ConfigProperty(name = "ebr.api.token.hours", defaultValue = "8") int personalHours,
            @ConfigProperty(name = "ebr.api.technical.token.days", defaultValue = "30") int technicalDays) {
        if (personalHours < 1 || personalHours > 24 * 31) {
            throw new IllegalStateException("EBR_API_TOKEN_HOURS must be between 1 and 744, is " + personalHours);
        }
        if (technicalDays < 1 || technicalDays > 366) {
            throw new IllegalStateException("EBR_API_TECHNICAL_TOKEN_DAYS must be between 1 and 366, is " + technicalDays);
        }
        this.personal = Duration.ofHours(personalHours);
        this.technical = Duration.ofDays(technicalDays);
    }

    /** The lifetime of a token issued to a personal or a technical account. */
    public Duration lifetime(boolean technicalAccount) {
        return technicalAccount ? technical : personal;
    }
}
