import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Used by bin/ebr when curl is missing: prints the HTTP status of a GET (000 when nothing answers),
 * or with --body the response body. Trusts any certificate: it only talks to the local server,
 * whose certificate is self-signed.
 */
public class HttpStatus {
    public static void main(String[] args) throws Exception {
        boolean body = args[0].equals("--body");
        String url = body ? args[1] : args[0];
        TrustManager[] trustAll = {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }};
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustAll, null);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.print(body ? response.body() : String.valueOf(response.statusCode()));
        } catch (java.io.IOException e) {
            System.out.print(body ? "" : "000");
        }
    }
}
