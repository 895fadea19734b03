import { deletePerson } from '../db/repos/people.js';
import { exportPerson, type PersonExport } from '../db/repos/privacy.js';
import type { AppDeps } from './context.js';

/** Privacy: everything stored about a person, and erasing it. */
export class Privacy {
  constructor(private readonly deps: AppDeps) {}

  exportData(personId: string): PersonExport {
    return exportPerson(this.deps.db, personId);
  }

  /** Erase everything about the person (every table cascades from people). */
  erase(personId: string): boolean {
    return deletePerson(this.deps.db, personId);
  }
}
