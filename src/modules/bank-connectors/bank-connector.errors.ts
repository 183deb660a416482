import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Rules of the bank connectors (Ponto Connect, CodaBox): what a connect, pull or push refuses or
 * fails with, each a stable rule in `extensions.rule` and in a failed run's `errorCode`. A failure
 * of the bank's side is CONFLICT: the request was well formed, the connection's state (consent,
 * certificate, mapping) or the remote service decides, and the message says what to do.
 */
export enum BankConnectorRule {
  REQUIRED = 'REQUIRED',
  INVALID_VALUE = 'INVALID_VALUE',
  /** No such connection in the caller's divisions (another division's looks the same). */
  NOT_FOUND = 'NOT_FOUND',
  /** A setting the connector needs is missing (SECRETS_KEY, PONTO_CLIENT_ID, CODABOX_SOFTWARE_COMPANY, ...). */
  NOT_CONFIGURED = 'NOT_CONFIGURED',
  /** The bank refused the consent: Ponto's refresh token or authorization code, CodaBox's credentials or one-time token. */
  CONSENT_EXPIRED = 'CONSENT_EXPIRED',
  /** The TLS handshake failed: Ponto refused the application's client certificate, or ours refused theirs. */
  CERTIFICATE_REFUSED = 'CERTIFICATE_REFUSED',
  /** A remote account's IBAN is none of the division's own bank accounts. */
  ACCOUNT_NOT_MAPPED = 'ACCOUNT_NOT_MAPPED',
  /** Ponto's synchronization ended in `error` (the bank could not be reached, the consent at the bank lapsed). */
  SYNC_FAILED = 'SYNC_FAILED',
  /** The remote service kept answering 429 after the retries its Retry-After allowed. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Any other answer of the remote service than the one documented (status and its message in the text). */
  REMOTE_ERROR = 'REMOTE_ERROR',
  /** Another process is pulling this connection right now (lease held). */
  BUSY = 'BUSY',
  /** The payment batch has no payment file yet (processPayments makes it): nothing to send. */
  BATCH_NOT_PROCESSED = 'BATCH_NOT_PROCESSED',
  /** The payment batch was sent to Ponto already and that payment is not rejected or cancelled. */
  ALREADY_SENT = 'ALREADY_SENT',
}

export const BANK_CONNECTOR_ERROR_CODES: Record<BankConnectorRule, ErrorCode> = {
  [BankConnectorRule.REQUIRED]: 'BAD_USER_INPUT',
  [BankConnectorRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [BankConnectorRule.NOT_FOUND]: 'NOT_FOUND',
  [BankConnectorRule.NOT_CONFIGURED]: 'CONFLICT',
  [BankConnectorRule.CONSENT_EXPIRED]: 'CONFLICT',
  [BankConnectorRule.CERTIFICATE_REFUSED]: 'CONFLICT',
  [BankConnectorRule.ACCOUNT_NOT_MAPPED]: 'CONFLICT',
  [BankConnectorRule.SYNC_FAILED]: 'CONFLICT',
  [BankConnectorRule.RATE_LIMITED]: 'CONFLICT',
  [BankConnectorRule.REMOTE_ERROR]: 'CONFLICT',
  [BankConnectorRule.BUSY]: 'CONFLICT',
  [BankConnectorRule.BATCH_NOT_PROCESSED]: 'CONFLICT',
  [BankConnectorRule.ALREADY_SENT]: 'CONFLICT',
};

/** The error of a broken connector rule: message `field: why` (or `why` without a field), extensions {code, field, rule}. */
export const connectorError = ruleErrors(BANK_CONNECTOR_ERROR_CODES);
