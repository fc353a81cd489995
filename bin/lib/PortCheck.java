import java.net.InetSocketAddress;
import java.net.Socket;

/** Used by bin/ebr when PostgreSQL's client tools are missing: exit 0 when HOST:PORT accepts TCP. */
public class PortCheck {
    public static void main(String[] args) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 3000);
        } catch (java.io.IOException e) {
            System.exit(1);
        }
    }
}
