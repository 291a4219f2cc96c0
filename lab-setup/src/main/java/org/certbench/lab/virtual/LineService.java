package org.certbench.lab.virtual;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.certbench.lab.broker.LoginLockout;
import org.jspecify.annotations.Nullable;

/**
 * A line-based login or shell on a TCP port, as a device's telnet daemon, its console behind
 * ser2net, or a debug port gives it: a banner, then either {@code login:}/{@code Password:} against
 * the accepted accounts or straight into a shell. Telnet option negotiation (IAC sequences) is
 * answered by refusal and stripped, so telnet clients and raw TCP clients both work. The shell knows
 * {@code id}, {@code uname -a}, {@code cat /etc/version} and {@code exit}.
 */
final class LineService implements AutoCloseable {

    private static final int IDLE_MILLIS = 120_000;
    private static final int MAX_LINE = 1024;
    private static final int IAC = 255;

    private final TcpListener listener;
    private final String banner;
    private final @Nullable Map<String, String> accounts;
    private final boolean telnet;
    private final String firmware;
    private final LoginLockout lockout;

    /**
     * @param accounts user name → password accepted at the login prompt; {@code null} for a root shell without login
     * @param telnet whether to open with telnet negotiation, as a telnet daemon does
     * @param lockout the brute-force protection of the login
     */
    LineService(String address, int port, String banner, @Nullable Map<String, String> accounts, boolean telnet, String firmware,
            LoginLockout lockout) throws IOException {
        this.lockout = lockout;
        this.banner = banner;
        this.accounts = accounts == null ? null : Map.copyOf(accounts);
        this.telnet = telnet;
        this.firmware = firmware;
        this.listener = new TcpListener(address, port, "certbench-virtual-line", this::serve);
    }

    private void serve(Socket socket) throws IOException {
        socket.setSoTimeout(IDLE_MILLIS);
        // A console ends lines with CR, telnet with CR LF, a script with LF: each is one line end.
        LineInput in = new LineInput(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        if (telnet) {
            // IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD: what busybox telnetd opens with.
            out.write(new byte[] {(byte) IAC, (byte) 251, 1, (byte) IAC, (byte) 251, 3});
        }
        write(out, banner + "\r\n");
        if (accounts != null && !login(in, out)) {
            return;
        }
        shell(in, out, accounts == null ? "root" : "owner");
    }

    private boolean login(LineInput in, OutputStream out) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            write(out, "login: ");
            String user = readLine(in, out);
            write(out, "Password: ");
            String password = readLine(in, out);
            if (user == null || password == null) {
                return false;
            }
            if (accounts != null && lockout.check(user, password.equals(accounts.get(user)))) {
                write(out, "\r\nWelcome\r\n");
                return true;
            }
            write(out, "\r\nLogin incorrect\r\n");
        }
        return false;
    }

    private void shell(LineInput in, OutputStream out, String user) throws IOException {
        String prompt = user.equals("root") ? "# " : "$ ";
        while (true) {
            write(out, prompt);
            String line = readLine(in, out);
            if (line == null || line.trim().equals("exit")) {
                return;
            }
            String command = line.trim();
            String answer = switch (command) {
                case "" -> "";
                case "id" -> user.equals("root") ? "uid=0(root) gid=0(root)" : "uid=1000(owner) gid=1000(owner)";
                case "uname -a" -> "Linux virtual-device 6.1.0 #1 SMP armv7l GNU/Linux";
                case "cat /etc/version" -> firmware;
                default -> "sh: " + command.split(" ")[0] + ": not found";
            };
            if (!answer.isEmpty()) {
                write(out, answer + "\r\n");
            }
        }
    }

    /** A line without its end, IAC sequences removed; {@code null} at end of stream. */
    private static @Nullable String readLine(LineInput in, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            // The LF or NUL of a CR LF / CR NUL that came in a later packet than its CR ends no second line.
            boolean afterCr = in.afterCr;
            in.afterCr = false;
            if (afterCr && line.size() == 0 && (b == '\n' || b == 0)) {
                continue;
            }
            if (b == IAC) {
                int command = in.read();
                if (command >= 251 && command <= 254) {
                    int option = in.read();
                    // Refuse whatever the client asks for or offers, except what we offered ourselves.
                    if (command == 253 && option != 1 && option != 3) {
                        out.write(new byte[] {(byte) IAC, (byte) 252, (byte) option});
                    } else if (command == 251) {
                        out.write(new byte[] {(byte) IAC, (byte) 254, (byte) option});
                    }
                } else if (command == 250) {
                    while (true) {
                        int s = in.read();
                        if (s < 0 || (s == IAC && in.read() == 240)) {
                            break;
                        }
                    }
                }
                continue;
            }
            if (b == '\r') {
                in.afterCr = true;
                return line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (b != 0 && line.size() < MAX_LINE) {
                line.write(b);
            }
        }
    }

    /** A connection's input, remembering whether the last line ended with a bare CR. */
    private static final class LineInput extends PushbackInputStream {
        boolean afterCr;

        LineInput(java.io.InputStream in) {
            super(in, 1);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        listener.close();
    }
}
