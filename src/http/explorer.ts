import path from 'node:path';
import express, { Router } from 'express';
import { ruruHTML } from 'ruru/server';
import { allowMethods } from './errors';

/**
 * The GraphiQL explorer (ruru), page and every asset served by the gateway itself: Apollo's
 * default landing page loads from the internet, and the users of this gateway have none.
 *
 * The assets come from ruru's `static` folder through express.static rather than ruru's own
 * `serveStatic`, which loads its in-memory bundle with a dynamic import() that CommonJS
 * sandboxes (jest) cannot run; the bytes are the same.
 */
export const RURU_STATIC_DIR = path.join(path.dirname(require.resolve('ruru')), '..', 'static');

export function explorerRouter(options: { mountPath: string; endpoint: string }): Router {
  const router = express.Router();
  const page = ruruHTML({ endpoint: options.endpoint, staticPath: `${options.mountPath}/static/` });
  router
    .route('/')
    .get((_req, res) => {
      res.type('html').send(page);
    })
    .all(allowMethods('GET', 'HEAD'));
  // A missing asset is an error (fallthrough: false) that the app's error middleware answers 404 JSON.
  router.use('/static', allowMethods('GET', 'HEAD'), express.static(RURU_STATIC_DIR, { index: false, fallthrough: false, maxAge: '1d' }));
  return router;
}
