import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withMatrix } from '@casework/identity/matrix-doc';

/** Rewrites the README's permission matrix from libs/identity/src/permissions.ts. */
const path = join(process.cwd(), 'README.md');
const before = readFileSync(path, 'utf8');
const after = withMatrix(before);
writeFileSync(path, after);
process.stdout.write(before === after ? 'README permission matrix already current\n' : 'README permission matrix updated\n');
