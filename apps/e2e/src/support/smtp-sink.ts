import { createServer, type Server } from 'node:net';

/**
 * A tiny SMTP server on a loopback port that keeps every message it is given (raw, with
 * quoted-printable soft breaks undone): enough for a browser scenario to follow a mailed link.
 */
export async function startSmtpSink(): Promise<{ url: string; mails: string[]; close: () => Promise<void> }> {
  const mails: string[] = [];
  const server: Server = createServer((sock) => {
    let data = false;
    let buf = '';
    sock.write('220 sink\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (data) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mails.push(buf.slice(0, end).replace(/=\r\n/g, '').replace(/=3D/g, '='));
          buf = buf.slice(end + 5);
          data = false;
          sock.write('250 kept\r\n');
          continue;
        }
        const i = buf.indexOf('\r\n');
        if (i < 0) return;
        const verb = buf.slice(0, 4).toUpperCase();
        buf = buf.slice(i + 2);
        if (verb === 'DATA') {
          data = true;
          sock.write('354 go on\r\n');
        } else if (verb === 'QUIT') {
          sock.end('221 bye\r\n');
        } else {
          sock.write('250 ok\r\n');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
