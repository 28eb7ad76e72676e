package io.github.kcpat.personaltokens.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server on loopback (GreenMail), for the notice emails. Keycloak sends to it through
 * the realm's SMTP settings like to any other server.
 */
final class Mailbox implements AutoCloseable {

    record Mail(String to, String subject, String html, String text) {
    }

    final int port;
    private GreenMail server;

    private Mailbox(int port) {
        this.port = port;
    }

    static Mailbox started() {
        Mailbox box = new Mailbox(KeycloakServer.freePort());
        box.start();
        return box;
    }

    /** A mailbox whose port is reserved but which refuses connections until started. */
    static Mailbox notYetStarted() {
        return new Mailbox(KeycloakServer.freePort());
    }

    void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** The realm's smtpServer settings that deliver here. */
    Map<String, Object> smtpSettings() {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(port), "from", "tokens@example.test",
                "fromDisplayName", "Personal tokens");
    }

    List<Mail> to(String address) {
        List<Mail> mails = new ArrayList<>();
        if (server == null) {
            return mails;
        }
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))) {
                    mails.add(read(address, message));
                }
            } catch (MessagingException | IOException e) {
                throw new AssertionError(e);
            }
        }
        return mails;
    }

    /** Waits up to two minutes (many runs of the scheduled task, on a busy machine) for {@code count} mails. */
    List<Mail> await(String address, int count) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (to(address).size() < count && System.currentTimeMillis() < deadline) {
            KeycloakServer.sleep(500);
        }
        return to(address);
    }

    private static Mail read(String address, MimeMessage message) throws MessagingException, IOException {
        String html = null;
        String text = null;
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                Object body = part.getContent();
                if (body instanceof Multipart nested) {
                    for (int j = 0; j < nested.getCount(); j++) {
                        BodyPart inner = nested.getBodyPart(j);
                        if (inner.isMimeType("text/html")) {
                            html = (String) inner.getContent();
                        } else if (inner.isMimeType("text/plain")) {
                            text = (String) inner.getContent();
                        }
                    }
                } else if (part.isMimeType("text/html")) {
                    html = (String) body;
                } else if (part.isMimeType("text/plain")) {
                    text = (String) body;
                }
            }
        } else {
            text = String.valueOf(content);
        }
        return new Mail(address, message.getSubject(), html, text);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
