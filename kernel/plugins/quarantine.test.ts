import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorRateTracker } from './quarantine.js';

describe('ErrorRateTracker', () => {
  const policy = { minErrors: 3, rate: 0.5, windowSeconds: 60 };

  it('trips once when enough requests fail at a high enough rate', () => {
    const tracker = new ErrorRateTracker(policy, () => 0);
    assert.equal(tracker.record(1, 'x', true), false);
    assert.equal(tracker.record(1, 'x', true), false);
    assert.equal(tracker.record(1, 'x', true), true);
    assert.equal(tracker.record(1, 'x', true), false, 'it tripped twice in one window');
  });

  it('does not trip while most requests succeed', () => {
    const tracker = new ErrorRateTracker(policy, () => 0);
    for (let i = 0; i < 10; i++) tracker.record(1, 'x', false);
    for (let i = 0; i < 5; i++) assert.equal(tracker.record(1, 'x', true), false);
  });

  it('keeps platforms and plugins apart, and starts over in a new window', () => {
    let now = 0;
    const tracker = new ErrorRateTracker(policy, () => now);
    tracker.record(1, 'x', true);
    tracker.record(1, 'x', true);
    assert.equal(tracker.record(2, 'x', true), false);
    assert.equal(tracker.record(1, 'y', true), false);
    now = 61_000;
    assert.equal(tracker.record(1, 'x', true), false, 'errors from the last window still counted');
  });
});
