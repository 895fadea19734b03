import { normaliseEquipment, type Prefs } from '../coaching/assessment-answers.js';
import { localParts, nextRunAfter } from '../coaching/schedule.js';
import { activePlan } from '../db/repos/plans.js';
import { snoozeDelivery } from '../db/repos/deliveries.js';
import {
  ensurePerson,
  getPerson,
  markDmBlockedNoticed,
  recordConsent,
  setNextRun,
  unsavedPerson,
  updateSettings,
  type Person,
  type PersonSettings,
} from '../db/repos/people.js';
import type { Queryable } from '../db/types.js';
import type { AppDeps } from './context.js';
import { localDateIn } from './time.js';

/** People: consent, settings, the daily DM's schedule and DM reachability. */
export class People {
  constructor(private readonly deps: AppDeps) {}

  /** The stored person, or the defaults a new person would get (nothing is written). */
  person(personId: string): Person {
    return getPerson(this.deps.db, personId) ?? unsavedPerson(personId, this.deps.clock());
  }

  /** The stored person, creating the row with defaults on first contact. */
  ensure(personId: string): Person {
    return ensurePerson(this.deps.db, personId, this.deps.clock());
  }

  find(personId: string): Person | undefined {
    return getPerson(this.deps.db, personId);
  }

  consent(personId: string): Person {
    const now = this.deps.clock();
    return this.deps.db.transaction((tx) => {
      ensurePerson(tx, personId, now);
      recordConsent(tx, personId, now);
      return getPerson(tx, personId)!;
    });
  }

  /** Save settings; a change of time, zone or reminders reschedules the daily DM. */
  updateSettings(personId: string, settings: PersonSettings): Person {
    this.ensure(personId);
    const unblock = settings.remindersOn === true ? { dmBlockedAt: null, dmBlockedNoticeAt: null } : {};
    updateSettings(this.deps.db, personId, { ...settings, ...unblock }, this.deps.clock());
    if (settings.timezone !== undefined || settings.reminderTime !== undefined || settings.remindersOn !== undefined) {
      this.rescheduleReminders(personId);
    }
    return getPerson(this.deps.db, personId)!;
  }

  /** The next daily DM, or none: reminders on, an active plan, no referral and DMs not blocked. */
  rescheduleReminders(personId: string, db: Queryable = this.deps.db): Date | null {
    const person = getPerson(db, personId);
    if (!person) return null;
    const eligible = person.remindersOn && person.status === 'active' && person.dmBlockedAt === null && activePlan(db, personId) !== undefined;
    const next = eligible ? nextRunAfter(person.reminderTime, person.timezone, this.deps.clock()) : null;
    setNextRun(db, personId, next);
    return next;
  }

  prefsOf(person: Person): Prefs {
    return { minutes: person.minutes, equipment: normaliseEquipment(person.equipment) };
  }

  localDate(person: Person): string {
    return localDateIn(person.timezone, this.deps.clock());
  }

  /** Snooze the day's reminder: returns the local time of the nudge, or null if there is no DM to snooze. */
  snooze(personId: string, localDate: string, hours: number): string | null {
    const person = this.find(personId);
    if (!person) return null;
    const at = new Date(this.deps.clock().getTime() + hours * 3_600_000);
    if (!snoozeDelivery(this.deps.db, personId, localDate, at)) return null;
    const local = localParts(person.timezone, at);
    return `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`;
  }

  /** Whether to tell the person (once, privately) that their DMs are blocked. */
  takeDmBlockedNotice(personId: string): boolean {
    const person = this.find(personId);
    if (!person?.dmBlockedAt || person.dmBlockedNoticeAt) return false;
    markDmBlockedNoticed(this.deps.db, personId, this.deps.clock());
    return true;
  }

  /** A DM interaction proves DMs work again: lift the block and reschedule. */
  dmsWork(personId: string): void {
    const person = this.find(personId);
    if (!person?.dmBlockedAt) return;
    updateSettings(this.deps.db, personId, { dmBlockedAt: null, dmBlockedNoticeAt: null }, this.deps.clock());
    this.rescheduleReminders(personId);
  }
}
