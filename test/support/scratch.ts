import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * Where DynamoDB Local keeps the browser tests' databases: memory (tmpfs) where the machine has
 * it, since each write is a disk sync otherwise; seeding the demo there is a fifth quicker.
 */
export const scratchRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
