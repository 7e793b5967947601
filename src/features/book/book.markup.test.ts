import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockRefs, blocksText, parseBody } from './book.markup.js';

test('bodies become paragraphs, headings, lists, quotes and tables', () => {
  const blocks = parseBody('## Kop\n\nEen **vette** en *schuine* zin,\nop twee regels.\n\n- een\n- twee\n\n1. eerste\n2. tweede\n\n> citaat\n\n| a | b |\n|---|---|\n| 1 | 2 |');
  assert.deepEqual(
    blocks.map((b) => b.kind),
    ['heading', 'paragraph', 'list', 'list', 'quote', 'table'],
  );
  assert.equal(blocksText(blocks).split('\n\n')[1], 'Een vette en schuine zin,\nop twee regels.');
  const table = blocks[5]!;
  assert.ok(table.kind === 'table' && table.rows.length === 1 && table.head.length === 2);
});

test('links and mentions become references', () => {
  const finder = (text: string) => [...text.matchAll(/Droom (\d+)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, ref: `droom:${m[1]}` }));
  const blocks = parseBody('Lees [de bron](bron:12), Droom 3 en [de site](https://example.org).', finder);
  assert.deepEqual(blockRefs(blocks), ['bron:12', 'droom:3']);
});

test('markup characters without a partner stay text', () => {
  assert.equal(blocksText(parseBody('5 * 3 = 15 en [geen link]')), '5 * 3 = 15 en [geen link]');
});
