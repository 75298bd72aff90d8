import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as it reached the sink: the SMTP envelope and the raw message (headers and MIME body). */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The user name the client signed in with. */
  user?: string;
  raw: string;
}

export interface SmtpSinkOptions {
  /** The only credentials the sink accepts (default `orion` / `sink-password`). */
  user?: string;
  password?: string;
  /** Refuse a recipient with a 550 and this message, by returning it. */
  refuseRecipient?: (address: string) => string | undefined;
}

export interface SmtpSink {
  /** `smtp://user:password@127.0.0.1:<port>` with the accepted credentials, for SMTP_URL. */
  url: string;
  port: number;
  /** Every mail accepted so far, oldest first. */
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on a loopback port (the `smtp-server` package, a devDependency), for tests of the SMTP
 * transport: it requires a password, speaks plain SMTP without TLS, and keeps what arrives.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const user = options.user ?? 'orion';
  const password = options.password ?? 'sink-password';
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.refuseRecipient?.(address.address);
      if (refusal) return callback(Object.assign(new Error(refusal), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
