import type { DmView } from './ports.js';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The DM sent a week before the retention rule erases someone. No health details in it. */
export function retentionNotice(days: number, eraseAt: Date): DmView {
  return {
    view: {
      title: 'Your HipCoach data will be erased in a week',
      body: [
        `We haven't worked together for a while: it has been about ${days - 7} days since you last used HipCoach.`,
        `I keep health information only while it is in use, so on ${DATE.format(eraseAt)} I will erase everything I store about you: your answers, plan, workouts, feedback and questions.`,
        'If you would like me to keep it, use any HipCoach command before then (`/plan` is enough) and nothing will be erased.',
        'If you are happy for it to go, there is nothing to do. `/privacy export` gives you a copy first.',
      ].join('\n\n'),
      inputs: [],
      privacy: 'private',
      tone: 'info',
    },
  };
}
