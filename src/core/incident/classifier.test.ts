import { describe, expect, it } from 'vitest';
import { guess, SMOOTHING, train } from './classifier.js';

describe('learned step model', () => {
  const model = train([
    { label: 'rollback', features: ['roll', 'back', 'release'] },
    { label: 'rollback', features: ['roll', 'previous', 'version'] },
    { label: 'logs', features: ['check', 'log', 'pod'] },
    { label: 'logs', features: ['check', 'log', 'error'] },
  ]);

  it('counts each feature once per training step', () => {
    const m = train([{ label: 'a', features: ['x', 'x', 'y'] }]);
    expect(m.a?.steps).toBe(1);
    expect(m.a?.words).toEqual({ x: 1, y: 1 });
  });

  it('names the action whose steps had the words, with its posterior', () => {
    const g = guess(model, ['roll', 'version']);
    expect(g?.id).toBe('rollback');
    // rollback: (2.5/3)·(1.5/3); logs: (0.5/3)·(0.5/3), with SMOOTHING 0.5.
    const r = ((2 + SMOOTHING) / 3) * ((1 + SMOOTHING) / 3);
    const l = (SMOOTHING / 3) * (SMOOTHING / 3);
    expect(g?.p).toBeCloseTo(r / (r + l), 10);
    expect(g?.known).toBe(2);
  });

  it('says nothing about words it never saw, and keeps to the allowed actions', () => {
    expect(guess(model, ['kafka', 'broker'])).toBeNull();
    expect(guess(model, ['roll', 'log'], new Set(['logs']))?.id).toBe('logs');
    expect(guess(model, ['roll'], new Set())).toBeNull();
  });
});
