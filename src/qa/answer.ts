import type { Logger } from 'pino';
import type { Coach } from '../app/coach.js';
import { QaRecords } from '../app/qa-records.js';
import type { Clock } from '../app/time.js';
import type { LlmConfig } from '../config.js';
import type { Library } from '../content/library.js';
import { readRedFlags } from '../coaching/red-flags/engine.js';
import { referralText, screenRedFlags, whatToDoNow, type Referral, type Subject } from '../coaching/safety.js';
import type { Db } from '../db/connection.js';
import type { ChatMessage, Llm } from './client.js';
import { checkAnswer, classifyFixed, FIXED_FAQ } from './guardrails.js';
import { fillPrompt } from './prompts.js';
import { NOT_COVERED_TEXT, scopeOf } from './scope.js';
import type { Entry, Hit, Retriever } from './retrieval.js';

/**
 * Community answers. Order matters: length and rate limits, then red flags (a referral instead of
 * an answer), then the fixed answers for surgery, medication and diagnosis, then retrieval, then
 * the LLM if configured (checked before use), else the quoted library entries.
 */

export type AnswerOutcome = 'llm' | 'fallback' | 'red_flag' | 'fixed' | 'rate_limited' | 'too_long' | 'empty';

export interface Answer {
  outcome: AnswerOutcome;
  text: string;
  /** Library entries the answer rests on, for the "from the library" line. */
  sources: Entry[];
  referral?: Referral;
  /** Who the red flags are about; 'unclear' asks the person (two buttons) before pausing anything. */
  subject?: Subject;
}

export interface AnswerRequest {
  question: string;
  personId: string;
  where: 'dm' | 'guild' | 'thread';
  /** Set for Q&A threads: earlier questions and answers there are the context. */
  threadId?: string;
}

/** Everything within 15 s of the question, or the template answer. */
export const ANSWER_DEADLINE_MS = 14_000;
export const ANSWER_MAX_CHARS = 1500;

export interface AnswererDeps {
  library: Library;
  retriever: Retriever;
  llm: Llm;
  coach: Coach;
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Pick<LlmConfig, 'QA_QUESTIONS_PER_HOUR' | 'QA_MAX_QUESTION_CHARS' | 'QA_LINK_ALLOWLIST'>;
  /** Budget for the LLM part of one answer; tests shorten it. Defaults to ANSWER_DEADLINE_MS. */
  deadlineMs?: number;
}

export class Answerer {
  private readonly records: QaRecords;

  constructor(private readonly deps: AnswererDeps) {
    this.records = new QaRecords(deps);
  }

  async answer(req: AnswerRequest): Promise<Answer> {
    const question = req.question.trim();
    const { config, clock } = this.deps;
    if (question.length === 0) return { outcome: 'empty', text: 'What would you like to ask? Write your question after the command, in your own words.', sources: [] };
    if (question.length > config.QA_MAX_QUESTION_CHARS) {
      return { outcome: 'too_long', text: `That question is ${question.length} characters; please keep it under ${config.QA_MAX_QUESTION_CHARS}. One question at a time gets the best answer.`, sources: [] };
    }
    const hourAgo = new Date(clock().getTime() - 3_600_000);
    const recent = this.records.questionsSince(req.personId, hourAgo);
    if (recent.length >= config.QA_QUESTIONS_PER_HOUR) {
      const oldest = recent[0]!;
      const minutes = Math.max(1, Math.ceil((oldest.getTime() + 3_600_000 - clock().getTime()) / 60_000));
      return { outcome: 'rate_limited', text: `You have asked ${recent.length} questions in the last hour, which is the limit for now, so everyone gets a fair turn. You can ask again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`, sources: [] };
    }
    const answer = await this.compose(req, question);
    this.deps.coach.ensurePerson(req.personId);
    this.records.logQuestion({
      personId: req.personId,
      where: req.where,
      threadId: req.threadId ?? null,
      question,
      answer: answer.text,
      sources: answer.sources.map((s) => s.key),
      outcome: answer.outcome === 'llm' || answer.outcome === 'fallback' || answer.outcome === 'red_flag' || answer.outcome === 'fixed' ? answer.outcome : 'fixed',
      createdAt: clock(),
    });
    return answer;
  }

  private async compose(req: AnswerRequest, question: string): Promise<Answer> {
    const { library, retriever } = this.deps;
    const reading = readRedFlags(question);
    const flags = reading.flags.length ? reading.flags : reading.otherFlags;
    const referral = screenRedFlags(Object.fromEntries(flags.map((f) => [f, true])), { emergency: reading.emergency });
    if (referral) {
      const { subject } = reading;
      // The writer's own red flag pauses their plan (if they consented to HipCoach storing it).
      // Somebody else's never touches it; when unclear, the person is asked first (answer-view).
      if (subject === 'me') this.deps.coach.recordFreeTextRedFlags(req.personId, referral);
      const text =
        subject === 'unclear'
          ? `${library.redFlags.referrals.unclear}\n\n${whatToDoNow(referral, library)}`
          : referralText(referral, library, subject);
      return { outcome: 'red_flag', text, sources: [], referral, subject };
    }
    const fixed = classifyFixed(question);
    if (fixed) {
      const entry = retriever.entry(`faq:${FIXED_FAQ[fixed]}`);
      const lead = {
        surgery: 'That is a decision only you and a clinician who has examined you can make, so HipCoach will not say yes or no. Here is how to think it through with them.',
        medication: 'HipCoach does not advise on medicines; a doctor or pharmacist is the right person for that.',
        diagnosis: 'HipCoach cannot diagnose or read scans; the clinician who ordered them is the best person to explain what they mean for you.',
      }[fixed];
      return { outcome: 'fixed', text: entry ? `${lead}\n\n${entry.quote}` : lead, sources: entry ? [entry] : [] };
    }
    const history = req.threadId ? this.records.threadHistory(req.threadId, 3) : [];
    const query = [...history.map((h) => h.question), question].join(' ');
    const hits = retriever.search(query, 4);
    if (scopeOf(question, hits) !== 'in_scope') return { outcome: 'fallback', text: NOT_COVERED_TEXT, sources: [] };
    if (this.deps.llm.enabled && hits.length > 0) {
      const viaLlm = await this.viaLlm(req, question, hits, history);
      if (viaLlm) return viaLlm;
    }
    return fallbackAnswer(hits);
  }

  private async viaLlm(req: AnswerRequest, question: string, hits: Hit[], history: { question: string; answer: string }[]): Promise<Answer | null> {
    const personContext = req.where === 'dm' ? this.deps.coach.planSummaryForPrompt(req.personId) : '';
    const result = await this.deps.llm.complete(answerPrompt(question, hits, personContext, history), { maxTokens: ANSWER_MAX_TOKENS, budgetMs: this.deps.deadlineMs ?? ANSWER_DEADLINE_MS });
    if ('failure' in result) return null;
    const allowedKeys = new Set(hits.map((h) => h.entry.key));
    const sourceText = [question, ...hits.map((h) => h.entry.text)].join('\n');
    const check = checkAnswer(result.text, { library: this.deps.library, allowedKeys, allowedDomains: this.deps.config.QA_LINK_ALLOWLIST, maxChars: ANSWER_MAX_CHARS, requireCitation: true, sourceText });
    if (!check.ok) {
      this.deps.logger.warn({ reason: check.reason }, 'LLM answer failed a check; using the template');
      return null;
    }
    const cited = check.cited.map((k) => this.deps.retriever.entry(k)).filter((e): e is Entry => e !== undefined);
    return { outcome: 'llm', text: check.text, sources: cited };
  }
}

export const ANSWER_MAX_TOKENS = 500;

/** The messages sent to the LLM for one question: rules and retrieved entries, then the question. */
export function answerPrompt(question: string, hits: Hit[], personContext: string, history: { question: string; answer: string }[]): ChatMessage[] {
  const system = fillPrompt('answerSystem', {
    maxChars: String(ANSWER_MAX_CHARS),
    personContext: personContext ? `About the person asking (private, from their own plan): ${personContext}\n` : '',
    entries: hits.map((h) => `[${h.entry.key}] ${h.entry.title}\n${h.entry.text}`).join('\n\n'),
  });
  const user = fillPrompt('answerUser', {
    history: history.map((h) => `Earlier in this thread they asked: ${h.question}\nHipCoach answered: ${h.answer}\n\n`).join(''),
    // Angle brackets inside the question cannot close the tag and smuggle instructions out.
    question: question.replace(/[<>]/g, ' '),
  });
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/** Without an LLM: the best entry quoted, with pointers to the next best. */
export function fallbackAnswer(hits: Hit[]): Answer {
  const [best, ...rest] = hits;
  if (!best) {
    return {
      outcome: 'fallback',
      text: NOT_COVERED_TEXT,
      sources: [],
    };
  }
  const body = `**${best.entry.title}**\n${best.entry.quote}`;
  const related = rest.slice(0, 2).map((h) => (h.entry.kind === 'exercise' ? `${h.entry.title} (\`/exercise\`)` : h.entry.title));
  return {
    outcome: 'fallback',
    text: related.length ? `${body}\n\nRelated: ${related.join('; ')}.` : body,
    sources: [best, ...rest.slice(0, 2)].map((h) => h.entry),
  };
}
