// The pages the measuring scripts open (npm run size, npm run lighthouse), with the size budgets:
// the one place that says which pages are measured and how much JavaScript each may fetch.
// KiB = 1,024 bytes, gzip.

/** @type {readonly { name: string, path: string, jsBudgetKiB: number }[]} */
export const MEASURED_PAGES = [
  { name: 'home', path: '/', jsBudgetKiB: 100 },
  { name: 'level page', path: '/level-2/', jsBudgetKiB: 140 },
  { name: 'load lab', path: '/load-lab/', jsBudgetKiB: 140 },
];
