import { SlashCommandBuilder } from 'discord.js';
import { PATTERN_LABELS } from '../../content/ids.js';
import { EARLY_TARGET, type ProgressReport } from '../../app/coach.js';
import { daysBetween } from '../../coaching/progress.js';
import { sideWords } from '../../views/plan-view.js';
import type { View } from '../../views/view.js';
import { asMessage, asReply, privateFlags, replyView, shouldBePrivate } from '../respond.js';
import { renderView, withImage, PLAIN } from '../render.js';
import type { BotCommand } from './types.js';


export function progressView(report: ProgressReport): View {
  const { habit, measures, tracks } = report;
  const parts = [`**Habit:** ${habit.sessionsDone} session${habit.sessionsDone === 1 ? '' : 's'} done · ${habit.thisWeek} this week · streak ${habit.streak} day${habit.streak === 1 ? '' : 's'}`];
  const sinceStart = daysBetween(report.planStarted, report.today);
  if (sinceStart < EARLY_TARGET.days) {
    parts.push(`**First two weeks:** the target is ${EARLY_TARGET.sessions} sessions by day ${EARLY_TARGET.days}; you have ${habit.sessionsDone} after ${sinceStart + 1} day${sinceStart === 0 ? '' : 's'}.`);
  }
  const first = measures[0];
  const last = measures[measures.length - 1];
  if (first && last && first !== last) {
    parts.push(`**Pain (average / worst, 0-10):** ${first.painAverage} / ${first.painWorst} at the start, ${last.painAverage} / ${last.painWorst} now`);
    if (first.psfsMean !== null && last.psfsMean !== null) {
      const change = Math.round((last.psfsMean - first.psfsMean) * 10) / 10;
      parts.push(`**Activities (PSFS, 0-10):** ${first.psfsMean} → ${last.psfsMean} (${change >= 0 ? '+' : ''}${change}; 2 points is a meaningful change)`);
    }
  } else if (first) {
    parts.push(`**Starting point:** pain ${first.painAverage} on average, ${first.painWorst} at worst${first.psfsMean !== null ? `; activities ${first.psfsMean}/10` : ''}. Your reassessment in 4 weeks will show the change.`);
  }
  const lines = tracks.map((t) => {
    const moved = t.level - t.startLevel;
    const arrow = moved > 0 ? `up ${moved}` : moved < 0 ? `down ${-moved}` : 'steady';
    return `- ${PATTERN_LABELS[t.pattern]} (${sideWords(t.side)}): level ${t.level} of ${t.chainLength} (${arrow})`;
  });
  parts.push(`**Patterns**\n${lines.join('\n')}`);
  return { title: 'Your progress', body: parts.join('\n\n'), inputs: [], privacy: 'private', tone: 'info' };
}

export const progress: BotCommand = {
  help: 'Sessions, pain, activities and pattern levels',
  data: new SlashCommandBuilder().setName('progress').setDescription('How it is going: sessions, pain, activities and pattern levels').toJSON(),
  async execute(ctx, interaction) {
    const report = ctx.coach.progress(interaction.user.id);
    const charts = ctx.coach.chartData(interaction.user.id);
    if (!report || !charts) {
      await replyView(interaction, { title: 'Nothing to show yet', body: 'Once you have a plan (`/assess`) and a few workouts (`/workout`), your progress and its charts appear here.', inputs: [], privacy: 'private', tone: 'info' });
      return;
    }
    // Drawing takes a moment: acknowledge first.
    await interaction.deferReply(privateFlags(interaction));
    // Charts load their native canvas on first use, so a bot nobody asks for charts stays small.
    const { outcomesChart, testGridChart } = await import('../../charts/charts.js');
    const [summary, ...rest] = renderView(progressView(report), PLAIN);
    const withOutcomes = withImage(summary!, 'progress.png', outcomesChart(charts.outcomes));
    const both = withImage(withOutcomes, 'tests.png', testGridChart(charts.assessments, ctx.library), 'Movement tests at each assessment');
    await interaction.editReply({ ...asReply(both), allowedMentions: { parse: [] } });
    for (const p of rest) await interaction.followUp(asMessage(p, shouldBePrivate(interaction)));
  },
};
