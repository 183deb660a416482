import { SingleBar } from 'cli-progress';
import type { SeedProgress } from '../seed/seed';

/**
 * Progress on stderr: a bar on a terminal, a line per 10% otherwise (logs, CI). `unit` names what
 * is counted (payments for a seed, lines for a statement import).
 */
export function progressBar(unit = 'payments'): SeedProgress {
  if (!process.stderr.isTTY) {
    let total = 0;
    let shown = -1;
    return {
      start: (t) => {
        total = t;
      },
      update: (n) => {
        const tenth = total ? Math.floor((n / total) * 10) : 10;
        if (tenth > shown) {
          shown = tenth;
          console.error(`${unit} ${n}/${total} (${tenth * 10}%)`);
        }
      },
      note: (message) => console.error(message),
      stop: () => {},
    };
  }
  const bar = new SingleBar({
    format: `${unit} [{bar}] {percentage}% {value}/{total} {eta}s left`,
    stream: process.stderr,
    hideCursor: true,
  });
  let running = false;
  return {
    start: (total) => {
      bar.start(total, 0);
      running = true;
    },
    update: (n) => bar.update(n),
    note: (message) => {
      if (running) {
        bar.stop();
        running = false;
      }
      console.error(message);
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}
