import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import type { Runtime } from '../../platform/runtime';
import { SecretBox, secretBoxFromEnv } from '../../platform/secret-box';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { ClientTls } from './http-client';

/**
 * The connectors' settings, from the environment (docs/bank-connectors.md lists them). Every base
 * URL is configurable: the sandboxes, production and the test doubles differ only here.
 */
export interface BankConnectorConfig {
  ponto: {
    /** API base, default https://api.ibanity.com/ponto-connect (PONTO_API_URL). */
    apiUrl: string;
    /** Authorization page the user is sent to, default https://authorization.myponto.com/oauth2/auth (PONTO_AUTH_URL). */
    authUrl: string;
    clientId?: string;
    clientSecret?: string;
    /** Where Ponto sends the user back with the authorization code (PONTO_REDIRECT_URI). */
    redirectUri?: string;
    /** The application's certificate and key registered with Ibanity (PONTO_CERT_FILE, PONTO_KEY_FILE, PONTO_KEY_PASSPHRASE). */
    certFile?: string;
    keyFile?: string;
    keyPassphrase?: string;
    /** Extra CA to trust (PONTO_CA_FILE; the test double's). */
    caFile?: string;
    /** The customer's IP address sent with synchronizations, when set (PONTO_CUSTOMER_IP). */
    customerIpAddress?: string;
    /** Milliseconds between polls of a synchronization (PONTO_SYNC_POLL_MS, default 2000). */
    syncPollMs: number;
    /** Longest wait for a synchronization (PONTO_SYNC_TIMEOUT_MS, default 600 000): then SYNC_FAILED. */
    syncTimeoutMs: number;
    /** The application's id at Ibanity: the audience of signed webhooks (PONTO_APPLICATION_ID). */
    applicationId?: string;
    /** Ibanity's webhook signing keys (JWKS; PONTO_WEBHOOK_KEYS_URL, default https://api.ibanity.com/webhooks/keys). */
    webhookKeysUrl: string;
  };
  codabox: {
    /** API base, default https://api.codabox.com/v2 (CODABOX_API_URL; sandbox https://sandbox-api.codabox.com/v2). */
    apiUrl: string;
    /** The software company key CodaBox issued (X-Software-Company, CODABOX_SOFTWARE_COMPANY). */
    softwareCompany?: string;
    caFile?: string;
  };
  /** Minutes between scheduled pulls of each connection (BANK_SYNC_INTERVAL_MINUTES, default 60; 0 = no schedule). */
  syncIntervalMinutes: number;
  /** Longest wait a Retry-After may ask for, in milliseconds (BANK_MAX_RETRY_WAIT_MS, default 60 000). */
  maxRetryWaitMs: number;
  /** Seals and opens the connectors' secrets (SECRETS_KEY); null when unset. */
  secrets: SecretBox | null;
}

/**
 * The connector settings of a gateway: read from the environment once, when the server is made
 * (its webhook route asks first), and shared by the webhooks and the admins' mutations.
 */
export function bankConnectorConfigOf(runtime: Pick<Runtime, 'memo'>): BankConnectorConfig {
  return runtime.memo('bank-connector-config', () => bankConnectorConfigFromEnv());
}

export function bankConnectorConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BankConnectorConfig {
  const minutes = Number(env.BANK_SYNC_INTERVAL_MINUTES ?? 60);
  return {
    ponto: {
      apiUrl: env.PONTO_API_URL ?? 'https://api.ibanity.com/ponto-connect',
      authUrl: env.PONTO_AUTH_URL ?? 'https://authorization.myponto.com/oauth2/auth',
      clientId: env.PONTO_CLIENT_ID,
      clientSecret: env.PONTO_CLIENT_SECRET,
      redirectUri: env.PONTO_REDIRECT_URI,
      certFile: env.PONTO_CERT_FILE,
      keyFile: env.PONTO_KEY_FILE,
      keyPassphrase: env.PONTO_KEY_PASSPHRASE,
      caFile: env.PONTO_CA_FILE,
      customerIpAddress: env.PONTO_CUSTOMER_IP,
      syncPollMs: Number(env.PONTO_SYNC_POLL_MS ?? 2000),
      syncTimeoutMs: Number(env.PONTO_SYNC_TIMEOUT_MS ?? 600_000),
      applicationId: env.PONTO_APPLICATION_ID,
      webhookKeysUrl: env.PONTO_WEBHOOK_KEYS_URL ?? 'https://api.ibanity.com/webhooks/keys',
    },
    codabox: {
      apiUrl: env.CODABOX_API_URL ?? 'https://api.codabox.com/v2',
      softwareCompany: env.CODABOX_SOFTWARE_COMPANY,
      caFile: env.CODABOX_CA_FILE,
    },
    syncIntervalMinutes: Number.isFinite(minutes) && minutes >= 0 ? minutes : 60,
    maxRetryWaitMs: Number(env.BANK_MAX_RETRY_WAIT_MS ?? 60_000),
    secrets: secretBoxFromEnv(env),
  };
}

/** The SecretBox, or NOT_CONFIGURED naming SECRETS_KEY. */
export function secretsOf(config: BankConnectorConfig): SecretBox {
  if (!config.secrets) {
    throw connectorError(
      BankConnectorRule.NOT_CONFIGURED,
      null,
      'SECRETS_KEY is not set: connector secrets are only stored sealed (openssl rand -hex 32)',
    );
  }
  return config.secrets;
}

/** A setting that must be there, or NOT_CONFIGURED naming its variable. */
export function required(value: string | undefined, variable: string): string {
  if (!value) throw connectorError(BankConnectorRule.NOT_CONFIGURED, null, `${variable} is not set`);
  return value;
}

/** The bytes of a file a setting names (NOT_CONFIGURED naming the variable when it cannot be read). */
export function readSetting(file: string | undefined, variable: string): Buffer {
  const name = required(file, variable);
  try {
    return fs.readFileSync(name);
  } catch {
    throw connectorError(BankConnectorRule.NOT_CONFIGURED, null, `${variable}: ${name} cannot be read`);
  }
}

/**
 * Checks the application's client certificate before anything is sent: CERTIFICATE_REFUSED naming
 * PONTO_CERT_FILE when it is not a PEM certificate, not valid yet or expired, or when the key in
 * PONTO_KEY_FILE is not its key (Ibanity would refuse the handshake). `now` in epoch milliseconds.
 */
export function checkPontoCertificate(config: BankConnectorConfig, now = Date.now()): void {
  const tls = pontoTls(config);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(tls.cert ?? '');
  } catch {
    throw connectorError(BankConnectorRule.CERTIFICATE_REFUSED, 'PONTO_CERT_FILE', 'is not a PEM certificate');
  }
  if (Date.parse(certificate.validFrom) > now || Date.parse(certificate.validTo) < now) {
    throw connectorError(
      BankConnectorRule.CERTIFICATE_REFUSED,
      'PONTO_CERT_FILE',
      `the certificate is valid from ${certificate.validFrom} to ${certificate.validTo}: renew it in Ibanity's developer portal`,
    );
  }
  let matches = false;
  try {
    matches = certificate.checkPrivateKey(createPrivateKey({ key: tls.key ?? '', passphrase: tls.passphrase }));
  } catch {
    matches = false;
  }
  if (!matches)
    throw connectorError(BankConnectorRule.CERTIFICATE_REFUSED, 'PONTO_KEY_FILE', 'is not the key of the certificate in PONTO_CERT_FILE');
}

/** Ponto's mutual TLS: the certificate and key files read now (NOT_CONFIGURED naming a file that is missing). */
export function pontoTls(config: BankConnectorConfig): ClientTls {
  return {
    cert: readSetting(config.ponto.certFile, 'PONTO_CERT_FILE'),
    key: readSetting(config.ponto.keyFile, 'PONTO_KEY_FILE'),
    passphrase: config.ponto.keyPassphrase,
    ca: config.ponto.caFile ? readSetting(config.ponto.caFile, 'PONTO_CA_FILE') : undefined,
  };
}
