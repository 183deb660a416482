import express, { Router } from 'express';
import { Database } from '../db/data-source';
import { bankConnectorConfigOf } from '../modules/bank-connectors/connector-config';
import { PontoWebhooks } from '../modules/bank-connectors/ponto-webhook';
import { Runtime } from '../platform/runtime';
import { allowMethods } from './errors';

/**
 * POST /webhooks/ponto: Ponto's webhooks. No API key (Ponto has none of ours): the signature is
 * the authentication (modules/bank-connectors/ponto-webhook.ts). The body is kept as received,
 * since the signature covers its exact bytes. A verified event answers 202 at once and pulls the
 * connection of its account in the background; a refused one answers 400 naming `Signature`.
 */
export function bankWebhookRoutes(db: Database, runtime: Runtime): Router {
  const router = express.Router();
  const webhooks = runtime.memo('ponto-webhooks', () => new PontoWebhooks(db, runtime, bankConnectorConfigOf(runtime)));
  router
    .route('/webhooks/ponto')
    .post(express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      await webhooks.receive(body, req.header('signature'));
      res.status(202).json({ accepted: true });
    })
    .all(allowMethods('POST'));
  return router;
}
