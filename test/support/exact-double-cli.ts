import { parseArgs } from 'node:util';
import { ExactOnlineDouble } from './exact-online-double';
import { paymentTerm } from './exact-online';

/**
 * `npm run exact-double`: the Exact Online test double as a server of its own, to try
 * `npm run exact -- connect` and `sync` by hand (docs/exact-online.md, "Trying it against the
 * double"). It serves one Exact division with generated payment terms (both line types), consents
 * at once on its authorization page, and serves until Ctrl-C.
 *
 *   --port N           port on 127.0.0.1 (default 7300; EXACT_DOUBLE_PORT)
 *   --division N       the Exact division (default 3003)
 *   --terms N          payment terms to serve (default 2,500)
 *   --client-id S / --client-secret S   the app's credentials (default gateway-demo / gateway-demo-secret)
 *
 * Prints, when ready, the variables to export for the gateway, one per line.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.EXACT_DOUBLE_PORT ?? '7300' },
      division: { type: 'string', default: '3003' },
      terms: { type: 'string', default: '2500' },
      'client-id': { type: 'string', default: 'gateway-demo' },
      'client-secret': { type: 'string', default: 'gateway-demo-secret' },
    },
  });
  const [port, division, terms] = [values.port, values.division, values.terms].map((v, i) => {
    if (!/^\d+$/.test(v)) throw new Error(`--${['port', 'division', 'terms'][i]} must be a whole number, got ${v}`);
    return Number(v);
  });
  const double = await new ExactOnlineDouble({ clientId: values['client-id'], clientSecret: values['client-secret'] }).start(port);
  double.addDivision(division);
  for (let i = 0; i < terms; i++) double.upsertTerm(division, paymentTerm(i, division));
  process.stdout.write(
    `Exact Online double at ${double.url}: Exact division ${division} with ${terms} payment terms. For the gateway:\n` +
      `export EXACT_BASE_URL=${double.url} EXACT_CLIENT_ID=${double.clientId} EXACT_CLIENT_SECRET=${double.clientSecret}\n`,
  );
  const stop = () => void double.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
