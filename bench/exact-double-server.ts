import { ExactOnlineDouble } from '../test/support/exact-online-double';
import { paymentTerm } from '../test/support/exact-online';
import { PAYMENT_TERM_SELECT } from '../src/modules/exact-online/exact-mapping';

/**
 * The Exact Online double as a process of its own for bench/exact-online.ts, as Exact is a remote
 * server: its 100,000 rows and its page building then cost the measured process nothing.
 * Its pages are made before it reports ready (cachePages, prepareSyncPages): Exact answers from
 * machines of its own, while this double shares the two cores with the measured gateway and
 * MariaDB, so making a page of 1,000 rows during the timed run would be counted against the gateway.
 * Arguments: rows, calls a minute, minute length (ms), Exact division. Prints one JSON line
 * {url, clientId, clientSecret} when ready; serves until killed (SIGTERM ends it normally, so that
 * a --cpu-prof profile is written).
 */
async function main(): Promise<void> {
  const [rows, minutelyLimit, minuteMs, division] = process.argv.slice(2).map(Number);
  const double = await new ExactOnlineDouble({ minutelyLimit, minuteMs, dailyLimit: 1_000_000, cachePages: true }).start();
  double.addDivision(division);
  for (let i = 0; i < rows; i++) double.upsertTerm(division, paymentTerm(i, division));
  double.prepareSyncPages(division, 'sync/Cashflow/PaymentTerms', PAYMENT_TERM_SELECT);
  process.stdout.write(`${JSON.stringify({ url: double.url, clientId: double.clientId, clientSecret: double.clientSecret })}\n`);
}

process.on('SIGTERM', () => process.exit(0));
void main();
