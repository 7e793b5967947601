import { ConfigError } from '../src/platform/config.js';
import { BackupError } from '../src/platform/db/backup.js';

/** Runs a maintenance command: its exit code on success, 2 for bad configuration, 1 for any other failure. */
export function runCommand(main: () => Promise<number>, failure: string): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) {
        console.error(error.message);
        process.exit(2);
      }
      if (error instanceof BackupError) console.error(error.message);
      else console.error(`${failure} door een onverwachte fout:`, error);
      process.exit(1);
    },
  );
}
