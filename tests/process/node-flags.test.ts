import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SERVER_NODE_FLAGS } from '../../kernel/node-flags.js';
import { ROOT } from '../../kernel/paths.js';

describe('server Node flags', () => {
  it('npm start runs the server with SERVER_NODE_FLAGS, the flags dev mode and the benchmarks use', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const start = pkg.scripts.start ?? '';
    assert.match(start, new RegExp(`node ${SERVER_NODE_FLAGS.join(' ')} dist/kernel/main\\.js`));
  });
});
