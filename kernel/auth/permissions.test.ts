import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { grants, isPermissionPattern, PRESET_PERMISSIONS } from './permissions.js';

describe('permission grants', () => {
  it('matches exact codes, plugin wildcards and action wildcards', () => {
    assert.equal(grants(['products.edit'], 'products.edit'), true);
    assert.equal(grants(['products.edit'], 'products.delete'), false);
    assert.equal(grants(['products.*'], 'products.delete'), true);
    assert.equal(grants(['*.view'], 'orders.view'), true);
    assert.equal(grants(['*.view'], 'orders.refund'), false);
    assert.equal(grants(['*'], 'anything.at_all'), true);
  });

  it('lets a denial win over any grant', () => {
    assert.equal(grants(['*.view', '!team.*'], 'team.view'), false);
    assert.equal(grants(['!team.*', '*.view'], 'team.view'), false);
    assert.equal(grants(['*.view', '!team.*'], 'products.view'), true);
  });

  it('keeps preset roles to valid patterns, and the viewer to reading', () => {
    for (const patterns of Object.values(PRESET_PERMISSIONS)) {
      for (const p of patterns) assert.ok(isPermissionPattern(p), p);
    }
    assert.equal(grants(PRESET_PERMISSIONS.viewer, 'orders.refund'), false);
    assert.equal(grants(PRESET_PERMISSIONS.viewer, 'catalog.view'), true);
    assert.equal(grants(PRESET_PERMISSIONS.staff, 'settings.domains'), false);
  });
});
