import type { View } from './view.js';

/** One line of /help: a command's name and what it is for. */
export interface HelpEntry {
  name: string;
  help: string;
}

/** /help, generated from the command list so a new command cannot be left out of it. */
export function helpView(commands: readonly HelpEntry[]): View {
  return {
    title: 'HipCoach: how it works',
    body: [
      'A movement coach for hip pain: an assessment of every basic hip movement, a plan built from it, and daily workouts that adapt to your feedback. Not a clinician: no diagnosis, no advice on surgery or medication.',
      commands.map((c) => `\`/${c.name}\`: ${c.help}`).join('\n'),
      'In a server, anything about your health is shown only to you; your full plan is sent by DM. In the community Q&A channel, ask a question (mention @HipCoach if the server has not enabled message reading) and the answer comes in a thread.',
    ].join('\n\n'),
    inputs: [],
    privacy: 'public',
    tone: 'info',
  };
}
