import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { clusterDraws } from '../../src/explain/mechanisms/bootstrap-draws.js';

describe('clusterDraws (the one cluster-bootstrap draw generator)', () => {
  it('a seeded Rng gives G draws of rng.int(G) per replicate, in cluster order', () => {
    const next = clusterDraws(5, new Rng(3));
    const ref = new Rng(3);
    for (let r = 0; r < 3; r++) expect([...next(r)]).toEqual(Array.from({ length: 5 }, () => ref.int(5)));
  });
  it('explicit draws are returned as given and validated once', () => {
    expect([...clusterDraws(3, [[2, 0, 0]])(0)]).toEqual([2, 0, 0]);
    expect(() => clusterDraws(3, [[0, 1]], 'entities')).toThrow(/has 2 entities, the sample has 3/);
    expect(() => clusterDraws(3, [[0, 1, 3]])).toThrow(InputError);
  });
});
