import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfirmDialog } from './confirm-dialog.js';
import { DataTable, tableQuery } from './data-table.js';
import { KitLanguage } from './kit-language.js';

const rows = Array.from({ length: 30 }, (_, i) => ({ n: i + 1 }));
const table = (lang?: string) => (
  <DataTable
    id="t"
    caption="Numbers"
    href="/x"
    columns={[{ key: 'n', label: 'N', render: (r: { n: number }) => String(r.n) }]}
    rows={rows.slice(0, 25)}
    total={30}
    state={tableQuery({}, { sortable: [], pageSize: 25 })}
    searchable
    lang={lang}
  />
);

describe('the kit in the page language', () => {
  it('writes the pager, search and empty state in English when no language is given (plugin call sites unchanged)', () => {
    const html = String(table());
    assert.match(html, /1–25 of 30/);
    assert.match(html, /Next/);
    assert.match(html, /placeholder="Search…"/);
  });

  it('follows the language the shell provides, or the lang prop', () => {
    const fr = String(<KitLanguage.Provider value="fr">{table()}</KitLanguage.Provider>);
    assert.match(fr, /1–25 sur 30/);
    assert.match(fr, /Suivant/);
    assert.match(fr, /aria-label="Numbers : pages"/);
    const de = String(<KitLanguage.Provider value="fr">{table('de')}</KitLanguage.Provider>);
    assert.match(de, /1–25 von 30/);
    assert.match(de, /Weiter/);
  });

  it('says Cancel and the empty state in German', () => {
    const html = String(
      <KitLanguage.Provider value="de">
        <ConfirmDialog id="c" title="Sure?" action="/a" csrf="x" cancelHref="/b" confirmLabel="Löschen" />
        <DataTable
          id="e"
          caption="E"
          href="/e"
          columns={[]}
          rows={[]}
          total={0}
          state={tableQuery({}, { sortable: [] })}
        />
      </KitLanguage.Provider>,
    );
    assert.match(html, />Abbrechen</);
    assert.match(html, /Noch nichts vorhanden\./);
  });
});
