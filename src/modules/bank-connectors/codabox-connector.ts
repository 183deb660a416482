import { GatewayError } from '../../platform/errors';
import { accountKey } from '../financial-accounts/statement.input';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnection } from './bank-connection.entity';
import { CodaboxClient, CodaboxCredentials } from './codabox-client';
import { BankConnectorConfig, readSetting, required, secretsOf } from './connector-config';
import { RunCounts } from './connection-store';
import { ConnectorContext, ownBankAccounts, storeOf } from './connector-context';
import { importStatementFile } from './statement-intake';

/**
 * Document models of a CodaBox feed that are bank statements, and the download format of each
 * (CodaBox API v2, "delivery": `cod` for CODA, `xml` for CAMT.053): both go through the statement
 * import, whose format detection reads either. Other models (SODA, invoices) are confirmed and skipped.
 */
export const STATEMENT_MODELS: Readonly<Record<string, 'cod' | 'xml'>> = { coda: 'cod', camt053: 'xml', camt: 'xml' };

function clientOf(config: BankConnectorConfig, credentials: CodaboxCredentials | null): CodaboxClient {
  return new CodaboxClient(
    {
      apiUrl: config.codabox.apiUrl,
      softwareCompany: required(config.codabox.softwareCompany, 'CODABOX_SOFTWARE_COMPANY'),
      maxRetryWaitMs: config.maxRetryWaitMs,
      tls: config.codabox.caFile ? { ca: readSetting(config.codabox.caFile, 'CODABOX_CA_FILE') } : undefined,
    },
    credentials,
  );
}

/**
 * Connects `division` to CodaBox: exchanges the one-time token for Basic credentials (the token
 * works once, so SECRETS_KEY and CODABOX_SOFTWARE_COMPANY are checked first), stores them sealed,
 * and records the pod's feeds. Returns the new connection.
 */
export async function connectCodabox(
  ctx: ConnectorContext,
  division: number,
  token: string,
  description?: string | null,
): Promise<BankConnection> {
  if (!token?.trim()) throw connectorError(BankConnectorRule.REQUIRED, 'token', 'the one-time token CodaBox mailed is required');
  ctx.scope.assertWritable(division);
  secretsOf(ctx.config);
  const credentials = await clientOf(ctx.config, null).getCredentials(token.trim());
  const store = storeOf(ctx, ctx.scope.narrow([division]));
  const connection = await store.create(division, 'codabox', description ?? 'CodaBox', {}, credentials);
  const feeds = await clientOf(ctx.config, credentials).feedClients();
  for (const feed of feeds) await store.upsertAccount(connection, String(feed.id), {});
  ctx.logger?.info({ connection: connection.id, division, feeds: feeds.length }, 'CodaBox connected');
  return connection;
}

/**
 * Pulls a CodaBox connection: for every feed of the pod, every entry after the feed's offset in
 * order: a CODA or CAMT.053 file of an own bank account is downloaded and imported through the statement
 * import, and only after that import committed is the feed's offset confirmed (PUT). A crash in
 * between leaves the offset where it was: the next pull downloads and imports the file again,
 * which the import recognises (ALREADY_IMPORTED), and confirms it then. An entry of an account
 * that is not the division's (ACCOUNT_NOT_MAPPED) or a file the import refuses stops the feed
 * there, unconfirmed, so nothing after it is skipped.
 */
export async function pullCodabox(ctx: ConnectorContext, connection: BankConnection, counts: RunCounts): Promise<void> {
  const store = storeOf(ctx);
  const client = clientOf(ctx.config, store.secretsOf<CodaboxCredentials>(connection));
  const own = await ownBankAccounts(ctx.scope, connection.divisionCode);
  for (const feed of await client.feedClients()) {
    const account = await store.upsertAccount(connection, String(feed.id), {});
    const step = `feed ${feed.id}`;
    for (const entry of await client.feedEntries(feed.id)) {
      const format = STATEMENT_MODELS[entry.document_model.toLowerCase()];
      if (format) {
        const iban = entry.metadata?.iban ? accountKey(entry.metadata.iban) : null;
        if (!iban || !own.has(iban)) {
          throw connectorError(
            BankConnectorRule.ACCOUNT_NOT_MAPPED,
            null,
            `CodaBox ${step} has a statement of ${iban ?? 'an unnamed account'}, which is not an own bank account of division ` +
              `${connection.divisionCode}: add it as an own bank account (with its bank journal), then pull again`,
          );
        }
        const content = await client.download(entry.feed_index, format);
        const fileName = `codabox-${feed.id}-${entry.feed_index}.${format}`;
        const result = await importStatementFile(ctx.scope, ctx.principal, ctx.events, { content, fileName });
        counts.files++;
        if (result.outcome === 'REFUSED') {
          const problem = result.problems[0];
          throw new GatewayError(problem.code as never, `CodaBox ${step}, file ${entry.feed_index}: ${problem.message}`, {
            rule: problem.rule,
          });
        }
        for (const s of result.statements) {
          if (s.outcome === 'CREATED') {
            counts.entries?.push({ divisionCode: s.divisionCode!, entryID: s.entryID! });
            counts.statementsCreated++;
            counts.transactions += s.lineCount;
          } else counts.statementsAlreadyImported++;
        }
        await ctx.hooks?.afterCodaboxImport?.(entry.feed_index);
        ctx.onProgress?.({ connectionID: connection.id, step, done: counts.files, message: `${fileName}: ${result.outcome}` });
      }
      await client.confirm(feed.id, entry.feed_index);
      ctx.effects?.push(`CodaBox feed ${feed.id} confirmed up to ${entry.feed_index}`);
      await store.updateAccount(account, {
        cursor: entry.feed_index,
        reference: entry.metadata?.iban ? accountKey(entry.metadata.iban) : account.reference,
        currency: entry.metadata?.currency ?? account.currency,
        synchronizedAt: (ctx.now ?? (() => new Date()))(),
      });
    }
  }
}
