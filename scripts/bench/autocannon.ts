import { createRequire } from 'node:module';

// autocannon ships no types; this is the part of its API the benchmarks use.
export interface AutocannonOptions {
  readonly url: string;
  readonly connections: number;
  readonly duration: number;
  readonly workers?: number;
  readonly headers?: Record<string, string>;
  readonly warmup?: { readonly connections: number; readonly duration: number };
}
export interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number; readonly average: number };
  readonly throughput: { readonly average: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
const require = createRequire(import.meta.url);
export const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

/** A measurement that cannot be trusted: the run stops with this message instead of printing numbers. */
export class BenchError extends Error {}
