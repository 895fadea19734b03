import type { MessagePayload } from '../discord/render.js';

/** The DM sent a week before the retention rule erases someone. No health details in it. */
export function retentionNotice(days: number, eraseAt: Date): MessagePayload {
  const when = Math.floor(eraseAt.getTime() / 1000);
  return {
    embeds: [
      {
        title: 'Your HipCoach data will be erased in a week',
        description: [
          `We haven't worked together for a while: it has been about ${days - 7} days since you last used HipCoach.`,
          `I keep health information only while it is in use, so on <t:${when}:D> I will erase everything I store about you: your answers, plan, workouts, feedback and questions.`,
          'If you would like me to keep it, use any HipCoach command before then (`/plan` is enough) and nothing will be erased.',
          'If you are happy for it to go, there is nothing to do. `/privacy export` gives you a copy first.',
        ].join('\n\n'),
        color: 0x5865f2,
      },
    ],
    components: [],
  };
}
