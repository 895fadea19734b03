import { PERSONAS } from './tests/coaching/personas/personas.js';
import { runPersona } from './tests/coaching/personas/harness.js';
const only = process.argv.slice(2);
for (const p of PERSONAS) {
  if (only.length && !only.includes(p.id)) continue;
  const c = runPersona(p);
  console.log('==', p.id, 'plan:', c.plan.items.map((i) => `${i.exerciseId}(${i.side[0]}L${i.level} ${i.dosage.text})`).join('; '));
  for (const d of c.days) console.log(d.date, d.session.items.length, d.session.estimatedMinutes + '/' + d.session.minutes, d.session.items.map((i) => `${i.offDay ? '*' : ''}${i.weeklyWalk ? 'W:' : ''}${i.exerciseId}[${i.stage[0]}${i.level}]`).join(' '));
}
