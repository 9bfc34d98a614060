// Raw-socket driver for hardening/load.mjs: requests node's HTTP parser refuses before routing.
// Each is sent on its own connection; the answer is the status line read before the socket closes.
import { connect } from 'node:net';

const huge = 'x'.repeat(12 * 1024);
/** name -> bytes on the wire. Every one must get a 4xx from the dev server, never silence. */
export const RAW_CASES = {
  'huge header (12 KB)': `GET / HTTP/1.1\r\nHost: l\r\nAuthorization: allow\r\nX-Pad: ${huge}\r\n\r\n`,
  'unknown method BREW': 'BREW / HTTP/1.1\r\nHost: l\r\nAuthorization: allow\r\n\r\n',
  'garbage request line': '\u0000\u00ff\u0001 garbage\r\n\r\n',
  'non-UTF-8 path bytes': Buffer.concat([
    Buffer.from('GET /\u0000'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from(' HTTP/1.1\r\nHost: l\r\n\r\n'),
  ]),
  'two Content-Length':
    'POST / HTTP/1.1\r\nHost: l\r\nAuthorization: allow\r\nContent-Length: 1\r\nContent-Length: 5\r\n\r\nhello',
  'space before colon': 'GET / HTTP/1.1\r\nHost: l\r\nAuthorization : allow\r\n\r\n',
};

function once(port, bytes, timeoutMs) {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let data = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      resolve(match ? Number(match[1]) : 0);
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (/\r\n\r\n/.test(data)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

/** Sends RAW_CASES round-robin from `workers` loops for `duration` seconds; 0 = no answer (lost). */
export async function driveRaw({ port, duration, workers }) {
  const names = Object.keys(RAW_CASES);
  const stats = new Map(names.map((n) => [n, { sent: 0, lost: 0, statuses: new Map() }]));
  const end = Date.now() + duration * 1000;
  let next = 0;
  const loop = async () => {
    while (Date.now() < end) {
      const name = names[next++ % names.length];
      const entry = stats.get(name);
      entry.sent++;
      const status = await once(port, RAW_CASES[name], 10_000);
      if (status === 0) entry.lost++;
      else entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: workers }, loop));
  return stats;
}
