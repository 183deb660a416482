import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Certificates for mutual TLS in tests, made by OpenSSL at run time (never committed): a test CA,
 * a server certificate for 127.0.0.1/localhost signed by it, the application's client certificate
 * signed by it (what Ibanity issues when an application registers), and a self-signed client
 * certificate Ibanity never issued. EC P-256 keys, valid two days.
 */
export interface TestPki {
  dir: string;
  caFile: string;
  serverCert: Buffer;
  serverKey: Buffer;
  clientCertFile: string;
  clientKeyFile: string;
  strangerCertFile: string;
  strangerKeyFile: string;
  remove(): void;
}

export function makeTestPki(): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgt-pki-'));
  const at = (name: string) => path.join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...key, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Test Ibanity CA');
  fs.writeFileSync(at('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  ssl('req', ...key, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '2',
    '-extfile',
    'san.ext',
  );
  ssl('req', ...key, '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/CN=cashflow-gateway');
  ssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', '-days', '2');
  ssl('req', '-x509', ...key, '-keyout', 'stranger.key', '-out', 'stranger.crt', '-days', '2', '-subj', '/CN=stranger');
  return {
    dir,
    caFile: at('ca.crt'),
    serverCert: fs.readFileSync(at('server.crt')),
    serverKey: fs.readFileSync(at('server.key')),
    clientCertFile: at('client.crt'),
    clientKeyFile: at('client.key'),
    strangerCertFile: at('stranger.crt'),
    strangerKeyFile: at('stranger.key'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
