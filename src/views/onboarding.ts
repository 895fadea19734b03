import type { View } from './view.js';

/** The welcome and consent screen, shared by `/start` and the console coach. */
export function welcomeView(where: 'discord' | 'console'): View {
  const dataLine =
    where === 'discord'
      ? 'HipCoach stores your answers, plan and workout feedback in its own database so it can coach you day to day. Nothing about your health is posted in public channels. You can download everything (`/privacy export`) or erase it (`/privacy delete`) at any time.'
      : 'Your answers, plan and feedback are stored only in a local file on this computer (`data/hipcoach.db`), so the next run can carry on where you stopped.';
  return {
    title: 'Welcome to HipCoach',
    body: [
      'HipCoach is a movement coach for people with hip pain, including pain labelled femoroacetabular impingement (FAI), who want a serious non-surgical path.',
      '**What it does:** a home assessment of every basic hip movement (about 12 minutes for your first plan, the rest during your first week), a plan built from what you find, daily workouts that move up or down with your feedback, and help with the usual difficulties.',
      '**What it is not:** a clinician. It does not diagnose, does not say whether anyone needs surgery, and does not advise on medication. It starts with a few settings and a short safety check; if anything there needs a doctor, I will tell you and pause the exercise plan.',
      '**What to expect:** about 3 months of regular practice for clear change, and months up to a year to feel fully yourself again. Some muscle soreness after new exercises is normal. A painful position is information, not a wall: I start you where it is comfortable and build back toward it.',
      `**Your data:** ${dataLine}`,
      'Do you agree to go ahead on these terms?',
    ].join('\n\n'),
    inputs: [
      { kind: 'button', name: 'consent', label: 'I agree, start', style: 'success' },
      { kind: 'button', name: 'decline', label: 'Not now', style: 'secondary' },
    ],
    privacy: 'private',
    tone: 'info',
  };
}

export const DECLINED_TEXT =
  'No problem. Nothing about your health has been stored. Come back whenever you are ready.';
