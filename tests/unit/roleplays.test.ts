import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roleplaysOf } from '../../src/course/roleplays.ts';

const fixtureRoot = fileURLToPath(new URL('../fixtures/roleplays/', import.meta.url));

describe('a module page’s role-plays section', () => {
  it('lists a module’s scenarios once it has some', () => {
    expect(roleplaysOf('harm-reduction', fixtureRoot)).toEqual([
      { id: 'pharmacy-queue', title: 'In the pharmacy queue with Frank' },
    ]);
  });

  it('is absent for a module with no scenarios folder', () => {
    expect(roleplaysOf('motivational-interviewing', fixtureRoot)).toEqual([]);
  });
});
