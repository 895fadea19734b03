import type { FigurePose } from './poses.js';

/** A short description for screen readers (Discord's attachment description, max 1024). */
export function altText(pose: FigurePose, title: string): string {
  const view = pose.view === 'top' ? `seen from above${pose.mirror ? ' lying face down' : ''}` : `seen from the ${pose.view}`;
  const leg = pose.working === 'left' || pose.working === 'right' ? ` The ${pose.working} leg does the work and is drawn in orange.` : pose.working === 'both' ? ' Both legs work and are drawn in orange.' : '';
  const middle = pose.middle ? ', a fainter middle position,' : '';
  return `Illustration of ${title}, ${view}: the starting position drawn faint${middle} and the end position solid, with an arrow along the movement.${leg}`.slice(0, 1024);
}
