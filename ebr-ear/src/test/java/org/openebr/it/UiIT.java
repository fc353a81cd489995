package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PrimeFaces shell on the real server: login page, protected screens, error pages. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(contextRoot);
    }

    @Test
    @Tag("TIME-2")
    void the_context_root_shows_the_login_page_with_the_site_time_zone() {
        HttpResponse<String> entry = http.get("");
        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(entry.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml"));

        HttpResponse<String> response = http.get("login.xhtml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("name=\"userName\"")
                .contains("name=\"password\"")
                .contains("Europe/Berlin");
    }

    @Test
    void an_application_screen_shows_the_login_page_instead_of_its_content_to_anonymous_users() {
        HttpResponse<String> response = http.get("app/status.xhtml");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml"));
        assertThat(response.body()).doesNotContain("Schema version");
    }

    @Test
    void a_failed_sign_in_says_so_without_telling_which_part_was_wrong() {
        HttpResponse<String> response = new Browserless(http).signIn("nobody", "wrong");

        assertThat(response.body()).contains("User name or password not accepted");
    }

    @Test
    void an_unknown_page_gets_the_not_found_page_without_internals() {
        HttpResponse<String> response = http.get("no-such-page.xhtml");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found").doesNotContain("Exception:").doesNotContain("\tat ").doesNotContain("WildFly");
    }

    @Test
    void facelets_sources_and_configuration_are_never_served() {
        assertThat(http.get("WEB-INF/web.xml").statusCode()).isIn(403, 404);
        assertThat(http.get("WEB-INF/templates/main.xhtml").statusCode()).isIn(403, 404);
    }

    @Test
    void a_faces_request_that_fails_shows_the_error_page_without_a_stack_trace() {
        // A postback to a view that has no state is a ViewExpiredException inside Faces.
        HttpResponse<String> response = http.post("login.xhtml", "application/x-www-form-urlencoded",
                "jakarta.faces.ViewState=forged-state&login=login");

        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
    }
}
