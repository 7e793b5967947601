import { Algorithm, hash, verify } from '@node-rs/argon2';

export interface HashCost {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane. */
export const STANDARD_COST: HashCost = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
/** Only for automated tests, where hundreds of hashes would otherwise dominate the run. */
export const TEST_COST: HashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Limits concurrent hashes so that a burst of logins cannot exhaust memory or CPU. */
class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

export class PasswordHasher {
  private readonly gate: Semaphore;
  constructor(
    readonly cost: HashCost = STANDARD_COST,
    concurrency = 2,
  ) {
    this.gate = new Semaphore(concurrency);
  }

  hash(password: string): Promise<string> {
    return this.gate.run(() => hash(password, { algorithm: Algorithm.Argon2id, ...this.cost }));
  }

  async verify(storedHash: string, password: string): Promise<boolean> {
    try {
      return await this.gate.run(() => verify(storedHash, password));
    } catch {
      return false;
    }
  }

  /** True when the stored hash was made with other parameters than the current ones. */
  needsRehash(storedHash: string): boolean {
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
    if (!match) return true;
    return (
      Number(match[1]) !== this.cost.memoryCost ||
      Number(match[2]) !== this.cost.timeCost ||
      Number(match[3]) !== this.cost.parallelism
    );
  }

  /** A real hash of a random password, verified against when an account does not exist, so timing reveals nothing. */
  private dummy: Promise<string> | undefined;
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummy ??= this.hash('dummy-password-for-timing');
    await this.verify(await this.dummy, password);
    return false;
  }
}
