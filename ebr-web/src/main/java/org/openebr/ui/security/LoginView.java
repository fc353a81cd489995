package org.openebr.ui.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openebr.ui.Messages;

/** The login form: hands the credentials to {@link EbrAuthenticationMechanism}. */
@Named("login")
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext securityContext;

    @Inject
    ExternalContext external;

    @Inject
    FacesContext faces;

    private String userName;
    private String password;

    public void signIn() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(userName == null ? "" : userName, new Password(password == null ? "" : password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            Object next = request.getSession().getAttribute(EbrAuthenticationMechanism.CONTINUE_TO);
            request.getSession().removeAttribute(EbrAuthenticationMechanism.CONTINUE_TO);
            String target = request.isUserInRole(EbrAuthenticationMechanism.PASSWORD_CHANGE_REQUIRED)
                    ? PasswordChangeGate.CHANGE_PAGE
                    : next instanceof String path && path.startsWith("/app/") ? path : "/app/home.xhtml";
            external.redirect(request.getContextPath() + target);
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SEND_FAILURE) {
            Object failure = request.getAttribute(EbrAuthenticationMechanism.LOGIN_FAILURE);
            Messages.error(failure == null ? "User name or password not accepted." : failure.toString(), null);
        }
    }

    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
