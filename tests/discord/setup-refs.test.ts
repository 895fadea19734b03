import { describe, expect, it } from 'vitest';
import { setupRefSchema } from '../../src/discord/handlers/setup.js';

describe('setup screen refs', () => {
  it('reads the two onboarding pages and the four settings screens, and maps older one-screen onboarding refs onto their page', () => {
    expect(setupRefSchema.parse('o0')).toEqual({ mode: 'onboarding', index: 0 });
    expect(setupRefSchema.parse('o1')).toEqual({ mode: 'onboarding', index: 1 });
    // Sent before onboarding went to two pages: minutes (o2) and equipment (o3) now share page 2.
    expect(setupRefSchema.parse('o2')).toEqual({ mode: 'onboarding', index: 1 });
    expect(setupRefSchema.parse('o3')).toEqual({ mode: 'onboarding', index: 1 });
    expect(setupRefSchema.parse('s3')).toEqual({ mode: 'settings', index: 3 });
    for (const bad of ['o4', 's4', 'x0', '', 'o10']) expect(setupRefSchema.safeParse(bad).success).toBe(false);
  });
});
