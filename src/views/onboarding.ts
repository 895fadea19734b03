import { AT_A_TIME } from './checks-words.js';
import type { View } from './view.js';

/**
 * The welcome and consent screen, shared by `/start` and the console coach. On Discord it says
 * what HipCoach is, the one consent sentence and the time promise (at most 180 words, issue 13);
 * the longer "what to expect" sits behind [More about HipCoach], answered privately.
 */
export function welcomeView(where: 'discord' | 'console'): View {
  const dataLine =
    where === 'discord'
      ? 'I keep your answers, plan and feedback so I can coach you day to day. Nothing about your health goes in a public channel. `/privacy export` downloads it all and `/privacy delete` erases it, at any time.'
      : 'Your answers, plan and feedback are stored only in a local file on this computer (`data/hipcoach.db`), so the next run can carry on where you stopped.';
  const body = [
    'I am HipCoach, a movement coach for people with hip pain (including FAI) who want a serious non-surgical path.',
    `**About 15 minutes to your first plan:** a few settings, a short safety check and 7 simple movement tests. The other tests come ${AT_A_TIME} with your first week's workouts.`,
    '**I am not a clinician:** I do not diagnose, and I do not advise on surgery or medication. If a safety answer needs a doctor, I say so and pause your plan.',
    `**Your data:** ${dataLine}`,
  ];
  // The console has no buttons for details, so it prints them in place.
  const details = where === 'console' ? [welcomeDetails()] : [];
  return {
    title: 'Welcome to HipCoach',
    body: [...body, ...details, 'Do you agree to go ahead on these terms?'].join('\n\n'),
    inputs: [
      { kind: 'button', name: 'consent', label: 'I agree, start', style: 'success' },
      ...(where === 'discord' ? [{ kind: 'button', name: 'about', label: 'More about HipCoach', style: 'secondary' } as const] : []),
      { kind: 'button', name: 'decline', label: 'Not now', style: 'secondary' },
    ],
    privacy: 'private',
    tone: 'info',
  };
}

function welcomeDetails(): string {
  return [
    '**What I do:** a home check of every basic hip movement, a plan built from what you find, daily workouts that move up or down with your feedback, and help with the usual difficulties.',
    '**What to expect:** about 3 months of regular practice for clear change, and up to a year to feel fully yourself again. Some muscle soreness after new exercises is normal. A painful position is information, not a wall: I start you where it is comfortable and build back toward it.',
  ].join('\n\n');
}

/** [More about HipCoach]: the details, privately, beside the welcome (which stays put). */
export function welcomeDetailsView(): View {
  return { title: 'More about HipCoach', body: welcomeDetails(), inputs: [], privacy: 'private', tone: 'info' };
}

export const DECLINED_TEXT =
  'No problem. Nothing about your health has been stored. Come back whenever you are ready.';
