package org.certbench.probes.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SimpleOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.certbench.api.Redactions;
import org.certbench.api.Transcript;
import org.certbench.probes.Deadline;

/**
 * An open console: send lines, read, wait for a pattern. Every chunk received is recorded with its
 * arrival time (control bytes escaped), and every byte kept for the raw capture.
 *
 * <pre>{@code
 * try (SerialSession console = probes.serial().open(endpoint)) {
 *     console.sendLine("");
 *     Optional<String> prompt = console.expect(Pattern.compile("(?s).*login:\\s*$"), Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class SerialSession implements AutoCloseable {

    /** RFC 2217 COM-PORT-OPTION and its sub-commands. */
    private static final int COM_PORT_OPTION = 44;
    private static final int SET_BAUDRATE = 1;
    private static final int SET_DATASIZE = 2;
    private static final int SET_PARITY = 3;
    private static final int SET_STOPSIZE = 4;

    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable connection;
    private final Transcript transcript;
    private final Deadline deadline;
    private final ByteArrayOutputStream capture = new ByteArrayOutputStream();
    private final StringBuilder unread = new StringBuilder();
    private final Runnable onClose;
    private String lineEnding = "\r";

    private SerialSession(InputStream in, OutputStream out, AutoCloseable connection, Transcript transcript, Deadline deadline,
            Runnable onClose) {
        this.in = in;
        this.out = out;
        this.connection = connection;
        this.transcript = transcript;
        this.deadline = deadline;
        this.onClose = onClose;
    }

    /**
     * Opens a console, recording to {@code transcript}; {@code raw} receives every byte received when the
     * session closes.
     */
    public static SerialSession open(SerialEndpoint endpoint, Transcript transcript, Deadline deadline,
            java.util.function.Consumer<byte[]> raw) throws IOException {
        transcript.note("opening console " + endpoint);
        if (endpoint instanceof SerialEndpoint.Local local) {
            SerialPort port = SerialPort.getCommPort(local.device());
            port.setComPortParameters(local.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            // Non-blocking, polled: a blocking native read on a port whose other end vanished can hang for good.
            port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
            if (!port.openPort()) {
                throw new IOException("cannot open " + local.device() + " (error " + port.getLastErrorCode() + ")");
            }
            SerialSession[] self = new SerialSession[1];
            self[0] = new SerialSession(new PolledInput(port), port.getOutputStream(), port::closePort, transcript, deadline,
                    () -> raw.accept(self[0].capture.toByteArray()));
            return self[0];
        }
        SerialEndpoint.Remote remote = (SerialEndpoint.Remote) endpoint;
        TelnetClient telnet = new TelnetClient();
        EndWatchingSocket.Factory sockets = new EndWatchingSocket.Factory();
        telnet.setSocketFactory(sockets);
        if (remote.rfc2217()) {
            try {
                telnet.addOptionHandler(new SimpleOptionHandler(COM_PORT_OPTION, true, false, true, false));
            } catch (InvalidTelnetOptionException e) {
                throw new IOException(e);
            }
        }
        telnet.setConnectTimeout(deadline.remainingMillis(10_000));
        telnet.connect(remote.host(), remote.port());
        telnet.setSoTimeout(100);
        if (remote.rfc2217()) {
            int b = remote.baud();
            telnet.sendSubnegotiation(new int[] {COM_PORT_OPTION, SET_BAUDRATE, (b >> 24) & 0xFF, (b >> 16) & 0xFF, (b >> 8) & 0xFF, b & 0xFF});
            telnet.sendSubnegotiation(new int[] {COM_PORT_OPTION, SET_DATASIZE, 8});
            telnet.sendSubnegotiation(new int[] {COM_PORT_OPTION, SET_PARITY, 1});
            telnet.sendSubnegotiation(new int[] {COM_PORT_OPTION, SET_STOPSIZE, 1});
            transcript.sent("RFC 2217: " + b + " baud, 8 data bits, no parity, 1 stop bit");
        }
        SerialSession[] self = new SerialSession[1];
        self[0] = new SerialSession(new AvailableOnly(telnet.getInputStream(), sockets::ended), telnet.getOutputStream(), () -> disconnect(telnet, sockets), transcript,
                deadline,
                () -> raw.accept(self[0].capture.toByteArray()));
        return self[0];
    }

    /**
     * What ends a line sent: CR, as a terminal's Enter key sends it (the default, right for a serial
     * console, where the tty maps CR to NL); CR LF for a telnet service, whose server makes one newline of it.
     */
    public SerialSession lineEnding(String ending) {
        this.lineEnding = ending;
        return this;
    }

    /**
     * Ends Commons Net's reader thread before hanging up: woken by the disconnect with a full queue (a console printing
     * garbage faster than it is read), it dies with "Queue is full" instead of ending quietly. The socket first reads as
     * ended to that thread, which stops taking bytes once it has queued what it had buffered; the queue is emptied until
     * then (a second at most), and only then is the connection closed.
     */
    private static void disconnect(TelnetClient telnet, EndWatchingSocket.Factory sockets) throws IOException {
        sockets.hangUp();
        InputStream in = telnet.getInputStream();
        byte[] buffer = new byte[4096];
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) {
            int available = in.available();
            if (available > 0) {
                in.read(buffer, 0, Math.min(buffer.length, available));
            } else if (sockets.ended()) {
                break;
            } else {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        telnet.disconnect();
    }

    /**
     * Reads a telnet stream only what it holds. Commons Net's threaded telnet stream can wait forever in
     * read() when its reader thread misses a socket timeout (seen once against ser2net on CI), so the
     * session never calls a read that could block: the deadline always holds.
     */
    private static final class AvailableOnly extends InputStream {
        private final InputStream in;

        private final java.util.function.BooleanSupplier ended;

        AvailableOnly(InputStream in, java.util.function.BooleanSupplier ended) {
            this.in = in;
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? n : one[0] & 0xFF;
        }

        /** What the queue holds; -1 once the device closed the connection and the queue is empty; 0 otherwise. */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // The end is read before the queue: Commons Net queues every byte before it reads further, so once the
            // end was met an empty queue stays empty.
            boolean end = ended.getAsBoolean();
            int available = in.available();
            if (available > 0) {
                return in.read(buffer, offset, Math.min(length, available));
            }
            return end ? -1 : 0;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * A socket that notes when the device closed its end, and reads as ended once the session hangs up. Commons Net's reader thread is the only reader; without
     * this, a console that hangs up (a login that allows one try) looked like one still thinking until the wait ran out.
     */
    private static final class EndWatchingSocket extends java.net.Socket {
        private volatile boolean ended;
        private volatile boolean hangingUp;
        private @org.jspecify.annotations.Nullable InputStream watched;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (watched == null) {
                watched = new java.io.FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        return noted(hangingUp ? -1 : super.read());
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        return noted(hangingUp ? -1 : super.read(buffer, offset, length));
                    }
                };
            }
            return watched;
        }

        private int noted(int read) {
            if (read < 0) {
                ended = true;
            }
            return read;
        }

        /** Makes the sockets for one telnet client and tells whether the last one has ended. */
        static final class Factory extends javax.net.SocketFactory {
            private volatile @org.jspecify.annotations.Nullable EndWatchingSocket socket;

            boolean ended() {
                EndWatchingSocket current = socket;
                return current != null && current.ended;
            }

            /** From now on the socket reads as ended to its reader, whatever the device still sends. */
            void hangUp() {
                EndWatchingSocket current = socket;
                if (current != null) {
                    current.hangingUp = true;
                }
            }

            @Override
            public java.net.Socket createSocket() {
                EndWatchingSocket made = new EndWatchingSocket();
                socket = made;
                return made;
            }

            @Override
            public java.net.Socket createSocket(String host, int port) throws IOException {
                java.net.Socket made = createSocket();
                made.connect(new java.net.InetSocketAddress(host, port));
                return made;
            }

            @Override
            public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) throws IOException {
                java.net.Socket made = createSocket();
                made.bind(new java.net.InetSocketAddress(local, localPort));
                made.connect(new java.net.InetSocketAddress(host, port));
                return made;
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
                java.net.Socket made = createSocket();
                made.connect(new java.net.InetSocketAddress(host, port));
                return made;
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) throws IOException {
                java.net.Socket made = createSocket();
                made.bind(new java.net.InetSocketAddress(local, localPort));
                made.connect(new java.net.InetSocketAddress(host, port));
                return made;
            }
        }
    }

    /** Reads a local port only what it holds: never blocks, so the session's deadline always holds. */
    private static final class PolledInput extends InputStream {
        private final SerialPort port;

        PolledInput(SerialPort port) {
            this.port = port;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int available = port.bytesAvailable();
            if (available < 0) {
                return -1;
            }
            if (available == 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new InterruptedIOException("nothing yet");
            }
            return port.readBytes(buffer, Math.min(length, available), offset);
        }
    }

    /** Sends a line followed by the line ending. */
    public void sendLine(String line) throws IOException {
        transcript.sent(line.isEmpty() ? "(newline)" : line);
        out.write((line + lineEnding).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends a line without recording it in clear (a password). */
    public void sendSecret(String line) throws IOException {
        Redactions.register(line);
        sendLine(line);
    }

    /** Reads for {@code window} (bounded by the deadline) and returns what arrived. */
    public String read(Duration window) throws IOException {
        long until = System.nanoTime() + Math.min(window.toNanos(), deadline.remaining().toNanos());
        StringBuilder text = new StringBuilder(unread);
        unread.setLength(0);
        while (System.nanoTime() < until && readChunk(text)) {
            // Until the window ends or the console closes.
        }
        return text.toString();
    }

    /**
     * Reads until the text received so far matches the pattern (returned), or the wait or the deadline
     * ends (empty). What arrived is kept for the next read.
     */
    public Optional<String> expect(Pattern pattern, Duration wait) throws IOException {
        long until = System.nanoTime() + Math.min(wait.toNanos(), deadline.remaining().toNanos());
        StringBuilder text = new StringBuilder(unread);
        unread.setLength(0);
        while (System.nanoTime() < until) {
            if (pattern.matcher(text).matches()) {
                return Optional.of(text.toString());
            }
            if (!readChunk(text)) {
                break;
            }
        }
        if (pattern.matcher(text).matches()) {
            return Optional.of(text.toString());
        }
        unread.append(text);
        return Optional.empty();
    }

    /** Reads what is there now into {@code text}; false when the console closed. */
    private boolean readChunk(StringBuilder text) throws IOException {
        byte[] buffer = new byte[512];
        int n;
        try {
            n = in.read(buffer);
        } catch (InterruptedIOException e) {
            // A read timeout (socket or serial port): nothing arrived in this slice.
            return true;
        }
        if (n < 0) {
            return false;
        }
        if (n > 0) {
            capture.write(buffer, 0, n);
            String chunk = new String(buffer, 0, n, StandardCharsets.UTF_8);
            transcript.received(escape(chunk));
            text.append(chunk);
        } else {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String escape(String chunk) {
        StringBuilder escaped = new StringBuilder();
        for (char c : chunk.toCharArray()) {
            if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c < 0x20 || c == 0x7F) {
                escaped.append(String.format("\\x%02x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            transcript.note("closing the console: " + e.getMessage());
        }
        onClose.run();
        transcript.close();
    }
}
