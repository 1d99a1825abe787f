// CLI: `node dist/src/auth/hash-key.js <key>` prints the line to paste under a supplier's
// apiKeys; without a key it makes a new one and prints both (hand the key over, store the hash).
import { generateApiKey, hashApiKey } from './api-key';

const given = process.argv[2];
const key = given ?? generateApiKey();
if (given === undefined) process.stdout.write(`key:    ${key}\n`);
process.stdout.write(`- sha256: ${hashApiKey(key)}\n`);
