import { flowIds } from './custom-id.js';
import type { RenderOptions } from './render.js';

/**
 * The ids of flows that other flows' screens link to: the results screen's [Start today's workout]
 * (the plan flow) and the consent buttons `/assess` shows before consent (the onboarding flow).
 * They live here so the handlers hand off to each other without importing each other.
 */
export const planIds = flowIds('plan');

/** The welcome screen's consent buttons (ref is always 0: consent belongs to the person, not a message). */
export const onboardingIds = flowIds('onboarding');

export function consentButtonsOptions(owner: string): RenderOptions {
  return onboardingIds.options(owner, '0');
}
