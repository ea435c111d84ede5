import { runLoad } from '../src/engine';
const textbookCosts = { reuseMs: 0, validateMs: 0, resetMs: 0 };
for (let k = 0; k < 2; k++)
  for (let c = 1; c <= 12; c++)
    runLoad({
      level: 'production',
      options: { maxSize: c, minSize: c, acquireTimeout: 0, costs: textbookCosts },
      seed: 1,
      load: { arrivalsPerSecond: 30, holdMs: 100, hold: 'exponential', arrivals: 50_000 },
    });
