import type { Logger } from 'pino';
import type { Coach } from '../app/coach.js';
import type { Clock } from '../app/time.js';
import type { Library } from '../content/library.js';
import type { Db } from '../db/connection.js';
import type { Answerer } from '../qa/answer.js';
import type { Phraser } from '../qa/phrase.js';

/** What every command and component handler may use. Handlers stay thin: the Coach does the work. */
export interface BotContext {
  coach: Coach;
  library: Library;
  db: Db;
  clock: Clock;
  logger: Logger;
  answerer: Answerer;
  phraser: Phraser;
}
